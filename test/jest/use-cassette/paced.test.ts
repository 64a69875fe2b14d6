import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { useCassette } from 'msw-cassette/jest'

const realSetImmediate = setImmediate
const decoder = new TextDecoder()

useCassette('timing/paced', { timing: 'recorded' })

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] })
})
afterEach(() => {
  jest.useRealTimers()
})

/** Steps fake time 1 ms at a time until `promise` settles; returns the fake ms it took. */
async function fakeMsUntil(promise: Promise<unknown>): Promise<number> {
  let settled = false
  void promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  for (let at = 0; at < 3; at++) await new Promise((resolve) => realSetImmediate(resolve))
  let waited = 0
  while (!settled && waited < 10_000) {
    await jest.advanceTimersByTimeAsync(1)
    for (let at = 0; at < 3; at++) await new Promise((resolve) => realSetImmediate(resolve))
    waited++
  }
  return waited
}

test("jest fake timers drive timing: 'recorded' (headers, then each event)", async () => {
  const response = fetch('https://api.example.test/v1/stream')
  const headers = await fakeMsUntil(response)
  expect(headers).toBeGreaterThanOrEqual(100)
  expect(headers).toBeLessThan(105)
  const reader = (await response).body?.getReader()
  if (!reader) throw new Error('no body')
  const first = reader.read()
  expect(await fakeMsUntil(first)).toBeGreaterThanOrEqual(10)
  expect(decoder.decode((await first).value)).toBe('data: {"n":1}\n\n')
  const second = reader.read()
  const gap = await fakeMsUntil(second)
  expect(gap).toBeGreaterThanOrEqual(990)
  expect(gap).toBeLessThan(995)
})
