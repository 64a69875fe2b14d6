import { CassetteOptionsError, fromCassette } from 'msw-cassette'
import { useCassette } from 'msw-cassette/vitest'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'

const PACED = 'https://api.example.test/v1/stream'
const GO_WRITTEN = 'https://api.example.test/v1/go-stream'
const decoder = new TextDecoder()
// Taken before any test fakes timers: lets real I/O run between fake-time steps.
const realSetImmediate = setImmediate

/** A promise whose settling the test can observe without awaiting it. */
function watch<T>(promise: Promise<T>): { done: () => boolean; promise: Promise<T> } {
  let settled = false
  void promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  return { done: () => settled, promise }
}

/**
 * Advances fake time by `ms`, then lets real I/O run (msw's interceptors and the stream's
 * event-loop turns are not timers), and advances by 0 again so timers set meanwhile start.
 */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
  for (let at = 0; at < 5; at++) {
    await new Promise<void>((resolve) => queueMicrotask(resolve))
    await vi.advanceTimersByTimeAsync(0)
  }
}

/** Reads the next chunk, stepping fake time 1 ms at a time; returns it and the ms it took. */
async function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, limit = 10_000) {
  const read = watch(reader.read())
  // Real turns first: a chunk due now comes after one (MessageChannel), not after a timer.
  for (let at = 0; at < 3; at++) await new Promise((resolve) => realSetImmediate(resolve))
  let waited = 0
  while (!read.done() && waited < limit) {
    await advance(1)
    waited++
  }
  const { value } = await read.promise
  return { text: decoder.decode(value), waited }
}

describe("timing: 'recorded' under fake timers", () => {
  useCassette('timing/paced', { timing: 'recorded' })
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('waits the recorded duration before the headers, then each event at its recorded time', async () => {
    const response = watch(fetch(PACED))
    await advance(99)
    expect(response.done()).toBe(false)
    await advance(1)
    expect(response.done()).toBe(true)
    const reader = (await response.promise).body?.getReader()
    if (!reader) throw new Error('no body')
    const first = await nextChunk(reader)
    const second = await nextChunk(reader)
    const third = await nextChunk(reader)
    expect([first.text, second.text, third.text]).toEqual([
      'data: {"n":1}\n\n',
      'data: {"n":2}\n\n',
      'data: {"n":3}\n\n',
    ])
    // Gaps after the headers: 10 ms, then 990 ms, then 2 s (fake milliseconds, stepped by 1).
    expect(first.waited).toBeGreaterThanOrEqual(10)
    expect(first.waited).toBeLessThan(15)
    expect(second.waited).toBeGreaterThanOrEqual(990)
    expect(second.waited).toBeLessThan(995)
    expect(third.waited).toBeGreaterThanOrEqual(2000)
    expect(third.waited).toBeLessThan(2005)
    expect((await reader.read()).done).toBe(true)
  })

  test('a cassette Go wrote (no event_times) waits the headers time, then streams at once', async () => {
    const response = watch(fetch(GO_WRITTEN))
    await advance(199)
    expect(response.done()).toBe(false)
    await advance(1)
    const reader = (await response.promise).body?.getReader()
    if (!reader) throw new Error('no body')
    expect((await nextChunk(reader)).waited).toBe(0)
    expect((await nextChunk(reader)).waited).toBe(0)
  })
})

describe('the README recipe: a streaming UI at real pace', () => {
  useCassette('timing/paced', { timing: 'recorded' })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('the first token shows after the recorded time to first token', async () => {
    vi.useFakeTimers()
    const response = fetch('https://api.example.test/v1/stream')
    await vi.advanceTimersByTimeAsync(100) // the recorded `duration`: the headers arrive
    const reader = (await response).body?.getReader()
    if (!reader) throw new Error('no body')
    const first = watch(reader.read())
    await vi.advanceTimersByTimeAsync(9)
    expect(first.done()).toBe(false)
    await vi.advanceTimersByTimeAsync(1) // the first event's recorded time
    expect(decoder.decode((await first.promise).value)).toBe('data: {"n":1}\n\n')
  })
})

describe('timing: { scale }', () => {
  useCassette('timing/paced', { timing: { scale: 0.5 } })
  beforeEach(() => {
    // vitest's default set, setImmediate and Date included.
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('plays every wait at half the recorded time', async () => {
    const response = watch(fetch(PACED))
    await advance(49)
    expect(response.done()).toBe(false)
    await advance(1)
    const reader = (await response.promise).body?.getReader()
    if (!reader) throw new Error('no body')
    expect((await nextChunk(reader)).waited).toBeGreaterThanOrEqual(5)
    const second = await nextChunk(reader)
    expect(second.waited).toBeGreaterThanOrEqual(495)
    expect(second.waited).toBeLessThan(500)
  })
})

describe('scale 0 is instant', () => {
  useCassette('timing/paced', { timing: { scale: 0 } })

  test('the whole stream arrives without any timer', async () => {
    const text = await (await fetch(PACED)).text()
    expect(text).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\n')
  })
})

describe('checking timing', () => {
  test.each([
    [{ scale: -1 }, /`timing.scale` must be a number, 0 or more/],
    [{ scale: 1, eventDelayMs: 5 }, /`timing.scale` .* cannot be combined with `eventDelayMs`/],
    [{ pace: 2 }, /unknown option `timing.pace`/],
  ])('%j is a CassetteOptionsError', (timing, message) => {
    let error: unknown
    try {
      fromCassette('timing/paced', { timing: timing as never })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CassetteOptionsError)
    expect((error as CassetteOptionsError).code).toBe('ERR_CASSETTE_OPTIONS')
    expect((error as Error).message).toMatch(/^msw-cassette: fromCassette: /)
    expect((error as Error).message).toMatch(message)
  })
})
