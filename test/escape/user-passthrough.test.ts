import { createRequire } from 'node:module'
import { HttpResponse, http, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { isCassetteMiss } from 'msw-cassette'
import { useCassette } from 'msw-cassette/vitest'
import { request as undiciRequest } from 'undici'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { cassetteOn, startCountingOrigin } from './counting-origin.js'

// A handler of the user's that passes a request through keeps working while a cassette is
// active: msw's fetch then goes through undici's dispatcher, which must not answer it again.
// msw 2 only: on msw 3 a fetch meets the dispatcher before msw (a known limit, README Traps).
const mswMajor = Number(
  (createRequire(import.meta.url)('msw/package.json') as { version: string }).version.split('.')[0],
)
const origin = await startCountingOrigin()
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(async () => {
  server.close()
  await origin.close()
})
const handle = useCassette(cassetteOn(origin.url), { server, mode: 'replay', allowRepeats: true })

test.skipIf(mswMajor !== 2)(
  "a user's passthrough() reaches the network once; the cassette answers the rest",
  async () => {
    server.use(http.get(`${origin.url}/live`, () => passthrough()))
    expect(await (await fetch(`${origin.url}/live`)).text()).toBe('escaped')
    expect(origin.connections).toBe(1)
    expect(await (await fetch(`${origin.url}/hello`)).json()).toEqual({
      hello: 'from the cassette',
    })
    expect(handle.misses).toEqual([])
  },
)

test.skipIf(mswMajor !== 2)(
  'a request that bypassed msw to the same URL is still not let through',
  async () => {
    server.use(http.get(`${origin.url}/live`, () => HttpResponse.text('mocked by the user')))
    expect(await (await fetch(`${origin.url}/live`)).text()).toBe('mocked by the user')
    const before = origin.connections
    const error = await undiciRequest(`${origin.url}/live`).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(isCassetteMiss(error)).toBe(true)
    expect(handle.takeMisses()).toHaveLength(1)
    expect(origin.connections).toBe(before)
  },
)
