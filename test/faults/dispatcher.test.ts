import { useCassette } from 'msw-cassette/vitest'
import { expect, test } from 'vitest'

// Saved before the server listens: it goes through undici's dispatcher, not msw's fetch patch.
const savedFetch = globalThis.fetch
const URL = 'https://api.example.test/v1/stream'
const handle = useCassette('timing/paced')

test("at the dispatcher, a network error is undici's own: fetch failed, caused by the system error", async () => {
  handle.fault({ networkError: 'ECONNREFUSED' })
  const error = await savedFetch(URL).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(TypeError)
  expect((error as TypeError).message).toBe('fetch failed')
  // Wrapped once, as a real refused connection is; not a `fetch failed` inside another.
  expect((error as TypeError).cause).toMatchObject({
    code: 'ECONNREFUSED',
    message: 'connect ECONNREFUSED api.example.test:443',
  })
})

test('at the dispatcher, a cut body fails with terminated, caused by the SocketError', async () => {
  handle.fault({ cutAfter: 1 })
  const response = await savedFetch(URL)
  const error = await response.text().catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(TypeError)
  expect((error as TypeError).message).toBe('terminated')
  expect((error as TypeError).cause).toMatchObject({ name: 'SocketError', code: 'UND_ERR_SOCKET' })
})

test('at the dispatcher, a status fault answers and the retry gets the recording', async () => {
  handle.fault({ status: 503 })
  expect((await savedFetch(URL)).status).toBe(503)
  expect((await savedFetch(URL)).status).toBe(200)
})
