import { describe, expect, test } from 'vitest'
import { createChunkStream } from './chunk-stream.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const chunks = ['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'].map((text) => encoder.encode(text))

describe('createChunkStream', () => {
  test('gives one chunk per read, then ends', async () => {
    const reader = createChunkStream(chunks).getReader()
    const read: string[] = []
    for (let next = await reader.read(); !next.done; next = await reader.read())
      read.push(decoder.decode(next.value))
    expect(read).toEqual(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'])
  })

  test('with a delay, still gives the same chunks in order', async () => {
    const reader = createChunkStream(chunks, 5).getReader()
    const read: string[] = []
    for (let next = await reader.read(); !next.done; next = await reader.read())
      read.push(decoder.decode(next.value))
    expect(read).toEqual(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'])
  })

  test('an empty list of chunks is an empty stream', async () => {
    expect(await createChunkStream([]).getReader().read()).toEqual({ done: true, value: undefined })
  })

  test('a cancel while waiting for the next chunk ends the pending read quietly', async () => {
    const reader = createChunkStream(chunks, 10_000).getReader()
    expect(decoder.decode((await reader.read()).value)).toBe('data: 1\n\n')
    // The second read waits on the 10 s timer; the cancel must clear it and end the read.
    const pending = reader.read()
    await reader.cancel()
    expect(await pending).toEqual({ done: true, value: undefined })
  })

  // msw 2 hands fetch a tee branch of the body, which reads one chunk ahead: a chunk produced
  // while the client still reacts to the one before would be there for its read after an abort.
  test('an abort at any depth of promise continuations after a chunk stops the next one', async () => {
    const controller = new AbortController()
    const [branch, copy] = createChunkStream(chunks, 0, controller.signal).tee()
    void copy.cancel()
    const reader = branch.getReader()
    expect(decoder.decode((await reader.read()).value)).toBe('data: 1\n\n')
    for (let depth = 0; depth < 100; depth++) await Promise.resolve()
    controller.abort()
    const next = await reader.read().then(
      (read) => read,
      (error: unknown) => error,
    )
    expect((next as DOMException).name).toBe('AbortError')
  })
})
