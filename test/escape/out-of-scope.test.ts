import { AsyncResource } from 'node:async_hooks'
import http from 'node:http'
import { findCassetteMiss, isCassetteMiss, withCassette } from 'msw-cassette'
import { request as undiciRequest } from 'undici'
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cassetteOn, startCountingOrigin } from './counting-origin.js'

const origin = await startCountingOrigin()
const cassette = cassetteOn(origin.url)
afterAll(() => origin.close())

// Work started at module level (a worker loop, a cache warmer) runs in this context, not in the
// test's: no `withCassette` cassette travels with its requests.
const moduleLevel = new AsyncResource('module-level worker')

/** What a request made from module-level work fails with, or `undefined` when it succeeds. */
function fromModuleLevel(send: () => Promise<unknown>): Promise<unknown> {
  return moduleLevel.runInAsyncScope(send).then(
    () => undefined,
    (reason: unknown) => reason,
  )
}

function viaHttp(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume()
        res.on('end', () => resolve(String(res.statusCode)))
      })
      .on('error', reject)
  })
}

const CLIENTS: Record<string, (url: string) => Promise<unknown>> = {
  'global fetch': (url) => fetch(url),
  'undici request': (url) => undiciRequest(url),
  'node:http': viaHttp,
}

describe('replay: a request outside every cassette scope', () => {
  beforeEach(() => {
    vi.stubEnv('MSW_CASSETTE_MODE', 'replay')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  for (const [name, send] of Object.entries(CLIENTS)) {
    test(`${name}: is refused, says no cassette was active, and fails the running withCassette`, async () => {
      let error: unknown
      const run = withCassette(cassette, { allowRepeats: true }, async () => {
        error = await fromModuleLevel(() => send(`${origin.url}/hello`))
      })
      const failure = await run.then(
        () => undefined,
        (reason: unknown) => reason,
      )
      expect(isCassetteMiss(error)).toBe(true)
      const message = findCassetteMiss(error)?.message ?? ''
      expect(message).toContain('no cassette was active for this request')
      expect(message).toContain('withCassette(name, fn)')
      expect(isCassetteMiss(failure)).toBe(true)
      expect(origin.connections).toBe(0)
    })
  }

  test('inside the scope the same request is answered from the cassette', async () => {
    await withCassette(cassette, { allowRepeats: true }, async () => {
      expect(await (await fetch(`${origin.url}/hello`)).json()).toEqual({
        hello: 'from the cassette',
      })
    })
    expect(origin.connections).toBe(0)
  })
})
