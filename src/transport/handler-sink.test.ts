import { describe, expect, test } from 'vitest'
import type { DispatchController, DispatchHandler } from './dispatch-types.js'
import { createHandlerSink } from './handler-sink.js'

const headers = new Headers([
  ['content-type', 'text/event-stream'],
  ['set-cookie', 'a=1'],
  ['set-cookie', 'b=2'],
])

describe('createHandlerSink', () => {
  test('speaks the older callbacks: raw headers, chunks, then one completion', () => {
    const calls: unknown[] = []
    const handler: DispatchHandler = {
      onConnect: () => calls.push('connect'),
      onHeaders: (status, raw, _resume, text) => {
        calls.push([status, raw.map(String), text])
        return true
      },
      onData: (chunk) => {
        calls.push(chunk.toString())
        return true
      },
      onComplete: () => calls.push('complete'),
      onError: () => calls.push('error'),
    }
    const sink = createHandlerSink(handler)
    sink.start(() => {})
    sink.headers(200, headers, 'OK')
    void sink.data(Buffer.from('data: 1\n\n'))
    sink.complete()
    sink.error(new Error('too late'))
    expect(calls).toEqual([
      'connect',
      [200, ['content-type', 'text/event-stream', 'set-cookie', 'a=1', 'set-cookie', 'b=2'], 'OK'],
      'data: 1\n\n',
      'complete',
    ])
  })

  test('waits for resume() when the older onData asks to pause', async () => {
    let resume: () => void = () => {}
    const sink = createHandlerSink({
      onHeaders: (_status, _raw, resumeFn) => {
        resume = resumeFn
        return true
      },
      onData: () => false,
    })
    sink.headers(200, new Headers(), 'OK')
    let done = false
    const written = sink.data(Buffer.from('x')).then(() => {
      done = true
    })
    await Promise.resolve()
    expect(done).toBe(false)
    resume()
    await written
    expect(done).toBe(true)
  })

  test("speaks undici 7's callbacks, with headers as a record", () => {
    const calls: unknown[] = []
    let seen: DispatchController | undefined
    const sink = createHandlerSink({
      onRequestStart: (controller) => {
        seen = controller
        calls.push('start')
      },
      onResponseStart: (_controller, status, record, text) => calls.push([status, record, text]),
      onResponseData: (_controller, chunk) => calls.push(chunk.toString()),
      onResponseEnd: () => calls.push('end'),
      onResponseError: (_controller, error) => calls.push(error),
    })
    const aborted: unknown[] = []
    sink.start((reason) => aborted.push(reason))
    sink.headers(201, headers, 'Created')
    void sink.data(Buffer.from('x'))
    seen?.abort('stop')
    sink.error('stop')
    expect(calls).toEqual([
      'start',
      [201, { 'content-type': 'text/event-stream', 'set-cookie': ['a=1', 'b=2'] }, 'Created'],
      'x',
      'stop',
    ])
    expect(aborted).toEqual(['stop'])
    expect(seen?.aborted).toBe(true)
  })
})
