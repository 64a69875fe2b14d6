import { setupServer } from 'msw/node'
import { fromCassette, withCassette } from 'msw-cassette'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { listenStrictly } from '../support/client.js'

const PACED = 'https://api.example.test/v1/stream'
const handlers = fromCassette('timing/paced', { faults: [{ status: 500, times: 'all' }] })
const server = setupServer(...handlers)

beforeAll(() => listenStrictly(server))
afterAll(() => server.close())

test('fromCassette: the `faults` option applies to every matching request with times: all', async () => {
  expect((await fetch(PACED)).status).toBe(500)
  expect((await fetch(PACED)).status).toBe(500)
  handlers.reset()
})

test('a fault added for the next request comes before the `faults` option', async () => {
  handlers.fault({ networkError: 'ECONNREFUSED' })
  const error = await fetch(PACED).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(TypeError)
  expect((error as TypeError).cause).toMatchObject({ code: 'ECONNREFUSED' })
  expect((await fetch(PACED)).status).toBe(500)
  handlers.reset()
})

test('withCassette: the handle takes faults for the requests made inside', async () => {
  await withCassette('timing/paced', { server }, async (handle) => {
    handle.fault({ status: 429, headers: { 'Retry-After': '0' } })
    const first = await fetch(PACED)
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('0')
    expect((await fetch(PACED)).status).toBe(200)
  })
})
