import { expect, test } from 'vitest'
import { chunkTiming, eventTimes } from './event-times.js'

const SSE = 'text/event-stream'

test('each event gets the arrival of the chunk that held its last byte', () => {
  const body = 'data: 1\n\ndata: 2\n\ndata: 3\n\n'
  // Chunk 1: event 1 and half of event 2; chunk 2: the rest of event 2; chunk 3: event 3.
  const arrivals = [
    { size: 13, at: 1 },
    { size: 5, at: 20 },
    { size: 9, at: 300.5 },
  ]
  expect(eventTimes(body, SSE, arrivals)).toEqual(['1ms', '20ms', '300.5ms'])
})

test('multi-byte text is counted in bytes, as it arrived', () => {
  const body = 'data: é\n\ndata: ✓\n\n'
  const first = new TextEncoder().encode('data: é\n\n').byteLength
  const arrivals = [
    { size: first, at: 2 },
    { size: 11, at: 4 },
  ]
  expect(eventTimes(body, SSE, arrivals)).toEqual(['2ms', '4ms'])
})

test('bodies replay does not cut into events get no times', () => {
  expect(eventTimes('{"a":1}', 'application/json', [{ size: 7, at: 1 }])).toBeUndefined()
  expect(eventTimes(new Uint8Array([1]), SSE, [{ size: 1, at: 1 }])).toBeUndefined()
  expect(eventTimes('', SSE, [])).toBeUndefined()
})

test('a plain body that came in pieces gets each piece’s time and size', () => {
  const arrivals = [
    { size: 3, at: 1 },
    { size: 4, at: 25.5 },
  ]
  expect(chunkTiming('abcdefg', 'text/plain', arrivals)).toEqual({
    times: ['1ms', '25.5ms'],
    sizes: [3, 4],
  })
  expect(chunkTiming(new Uint8Array(7), 'application/octet-stream', arrivals)?.sizes).toEqual([
    3, 4,
  ])
})

test('no piece times for a body that came whole, that is a stream, or whose pieces do not add up', () => {
  expect(chunkTiming('abc', 'text/plain', [{ size: 3, at: 1 }])).toBeUndefined()
  const two = [
    { size: 1, at: 1 },
    { size: 1, at: 2 },
  ]
  expect(chunkTiming('ab', 'text/event-stream', two)).toBeUndefined()
  expect(chunkTiming('abc', 'text/plain', two)).toBeUndefined()
})
