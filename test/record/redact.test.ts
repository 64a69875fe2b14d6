import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupServer } from 'msw/node'
import { configure, fromCassette, type RedactOptions, resetConfiguration } from 'msw-cassette'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { listenStrictly } from '../support/client.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

const FAKE_KEY = 'sk-fake-3f9a1c0d2e8b47aa'
const OTHER_KEY = 'sk-other-77c1d9e0a4b2f615'
const EMAIL = 'alice@example.com'

let origin: Origin
const temp = tempDir()
const server = setupServer()

beforeAll(async () => {
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  // Echoes what it was sent, the way APIs echo keys and users back in their answers.
  origin = await startOrigin((request, response, body) => {
    const sent = JSON.parse(body.toString()) as { user: { email: string } }
    const key = (request.headers.authorization ?? '').replace('Bearer ', '')
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'set-cookie': ['session=s3cr3t-session; Path=/', 'other=1'],
      'x-echo-key': key,
    })
    response.write(`data: ${JSON.stringify({ echo: key, user: sent.user })}\n\n`)
    response.end('data: [DONE]\n\n')
  })
  listenStrictly(server)
})
afterAll(async () => {
  server.close()
  await origin.close()
  temp.remove()
  vi.unstubAllEnvs()
})

/** A chat request carrying the key in every place a key travels. */
function chat(key: string): Promise<Response> {
  return fetch(`${origin.url}/v1/chat?key=${key}&q=1`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'x-api-key': key,
      'x-custom-secret': 'custom-secret-value',
      cookie: 'session=s3cr3t-session',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ api_key: key, user: { email: EMAIL, name: 'Alice' }, input: 'hi' }),
  })
}

const redact = (key: string): RedactOptions => ({
  values: [key, undefined],
  bodyPaths: ['user.email'],
  headers: ['X-Custom-Secret'],
})

describe('secrets', () => {
  let live: string
  let file: string

  beforeAll(async () => {
    const handlers = fromCassette('secret', {
      dir: temp.dir,
      mode: 'record',
      redact: redact(FAKE_KEY),
    })
    server.use(...handlers)
    live = await (await chat(FAKE_KEY)).text()
    await handlers.save()
    server.resetHandlers()
    file = readFileSync(join(temp.dir, 'secret.yaml'), 'latin1')
  })

  test('the client still gets the real answer while recording', () => {
    expect(live).toContain(FAKE_KEY)
    expect(live).toContain(EMAIL)
  })

  test('never reach the cassette file', () => {
    for (const secret of [FAKE_KEY, EMAIL, 's3cr3t-session', 'custom-secret-value']) {
      expect(file).not.toContain(secret)
    }
  })

  test('are replaced by a placeholder where they were', () => {
    expect(file).toContain(`url: ${origin.url}/v1/chat?key=[REDACTED]&q=1`)
    for (const header of [
      'Authorization',
      'Cookie',
      'Set-Cookie',
      'X-Api-Key',
      'X-Custom-Secret',
    ]) {
      expect(file).toMatch(new RegExp(`\\n +${header}:\\n +- '\\[REDACTED\\]'\\n`))
    }
    expect(file).toMatch(/\n +X-Echo-Key:\n +- '\[REDACTED\]'\n/)
    expect(file).toContain('"user":{"email":"[REDACTED]","name":"Alice"}')
    expect(file).toContain(
      'data: {"echo":"[REDACTED]","user":{"email":"[REDACTED]","name":"Alice"}}',
    )
  })

  test('a later run with another key still matches the recording', async () => {
    const handlers = fromCassette('secret', {
      dir: temp.dir,
      mode: 'replay',
      redact: redact(OTHER_KEY),
    })
    server.use(...handlers)
    const replayed = await (await chat(OTHER_KEY)).text()
    expect(replayed).toBe(
      'data: {"echo":"[REDACTED]","user":{"email":"[REDACTED]","name":"Alice"}}\n\ndata: [DONE]\n\n',
    )
    expect(handlers.unused()).toEqual([])
  })
})

describe('`redact` in configure and in the call', () => {
  test('add up: the call redacting one more value keeps what configure named', async () => {
    configure({ redact: { headers: ['X-Custom-Secret'], bodyPaths: ['user.email'] } })
    try {
      const handlers = fromCassette('layered', {
        dir: temp.dir,
        mode: 'record',
        redact: { values: [FAKE_KEY] },
      })
      server.use(...handlers)
      await (await chat(FAKE_KEY)).text()
      await handlers.save()
    } finally {
      server.resetHandlers()
      resetConfiguration()
    }
    const file = readFileSync(join(temp.dir, 'layered.yaml'), 'latin1')
    for (const secret of [FAKE_KEY, EMAIL, 'custom-secret-value']) {
      expect(file).not.toContain(secret)
    }
  })
})
