import { describe, expect, test } from 'vitest'
import { streamKind } from '../http/stream-kind.js'
import { splitStream } from './split-stream.js'

describe('streamKind', () => {
  test('SSE splits into events, NDJSON and JSON Lines into lines, the rest not at all', () => {
    expect(streamKind('text/event-stream; charset=utf-8')).toBe('events')
    expect(streamKind('Text/Event-Stream')).toBe('events')
    expect(streamKind('application/x-ndjson')).toBe('lines')
    expect(streamKind('application/jsonl')).toBe('lines')
    expect(streamKind('application/json')).toBeUndefined()
    expect(streamKind('')).toBeUndefined()
  })
})

describe('splitStream', () => {
  test('splits LF SSE into events, each with its blank line', () => {
    const body = 'event: a\ndata: 1\n\nevent: b\ndata: 2\n\n'
    const pieces = splitStream(body, 'events')
    expect(pieces).toEqual(['event: a\ndata: 1\n\n', 'event: b\ndata: 2\n\n'])
    expect(pieces.join('')).toBe(body)
  })

  test('splits CRLF SSE into events, keeping the CR LF bytes', () => {
    const body = 'data: {"n":1}\r\n\r\ndata: {"n":2}\r\n\r\n'
    const pieces = splitStream(body, 'events')
    expect(pieces).toEqual(['data: {"n":1}\r\n\r\n', 'data: {"n":2}\r\n\r\n'])
    expect(pieces.join('')).toBe(body)
  })

  test('keeps multi-line CRLF events whole (a CR LF is one line end, not two)', () => {
    const body = 'event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n'
    expect(splitStream(body, 'events')).toEqual([
      'event: a\r\ndata: 1\r\n\r\n',
      'event: b\r\ndata: 2\r\n\r\n',
    ])
  })

  test('splits events ended by lone CRs or mixed line ends', () => {
    expect(splitStream('data: 1\r\rdata: 2\n\r\ndata: 3', 'events')).toEqual([
      'data: 1\r\r',
      'data: 2\n\r\n',
      'data: 3',
    ])
  })

  test('keeps trailing data that has no blank line after it', () => {
    const body = 'data: 1\n\ndata: 2\n'
    const pieces = splitStream(body, 'events')
    expect(pieces).toEqual(['data: 1\n\n', 'data: 2\n'])
    expect(pieces.join('')).toBe(body)
    expect(splitStream('data: only', 'events')).toEqual(['data: only'])
  })

  test('splits NDJSON into lines, each with its line end', () => {
    const body = '{"a":1}\n{"a":2}\r\n{"a":3}'
    const pieces = splitStream(body, 'lines')
    expect(pieces).toEqual(['{"a":1}\n', '{"a":2}\r\n', '{"a":3}'])
    expect(pieces.join('')).toBe(body)
  })

  test('an empty body gives no pieces', () => {
    expect(splitStream('', 'events')).toEqual([])
    expect(splitStream('', 'lines')).toEqual([])
  })

  test.each([
    'event: a\ndata: 1\n\n\n\nevent: b\n\n',
    ': comment\r\n\r\ndata: x\r\n\r\n\r\n',
    'data: a\n\ndata: b',
    '\n\n\n',
    'line\r\n\r\nline\n\nline',
  ])('the pieces of %j join back to it exactly', (body) => {
    expect(splitStream(body, 'events').join('')).toBe(body)
    expect(splitStream(body, 'lines').join('')).toBe(body)
  })

  test('is stable when called again (no regex state leaks between calls)', () => {
    const body = 'data: 1\n\ndata: 2\n\n'
    expect(splitStream(body, 'events')).toEqual(splitStream(body, 'events'))
  })
})
