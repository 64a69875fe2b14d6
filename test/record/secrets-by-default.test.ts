import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { setupServer } from 'msw/node'
import { CassetteRecordError, fromCassette } from 'msw-cassette'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { listenStrictly } from '../support/client.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

// Fake, but shaped like the real thing, so the format rules see them as they would see keys.
const SECRETS = {
  openai: 'sk-proj-Fq3kZ9vLm2Xw8Rt5Yb1Nc4Hd7Gj0Pa6Se',
  anthropic: 'sk-ant-api03-Zx8Kq2Lm5Nv9Bc3Df7Gh1Jk4Pw6Ry0TuIoEa',
  google: 'AIzaSyD3f9Kq2Lm5Nv9Bc3Df7Gh1Jk4Pw6Ry0Tq',
  awsId: 'AKIAIOSFODNN7EXAMPL3',
  awsSession: 'ASIAZ3X9K2L5M8N1P4Q7',
  github: 'ghp_R4nd0mF4k3T0k3nV4lu3F0rT3st1ngXyZ12',
  githubPat: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
  gitlab: 'glpat-Xy9Kq2Lm5Nv9Bc3Df7Gh',
  slack: 'xoxb-123456789012-1234567890123-AbCdEfGhIjKl',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r',
  azure: '5c1e9a7f3b2d4e6f8a0b1c2d3e4f5a6b',
  gitlabPrivate: 'pvt-token-9f8e7d6c5b4a',
  authToken: 'x-auth-7d6c5b4a3f2e1d0c',
  amzSecurity: 'FwoGZXIvYXdzEJr-fake-session-token-0123',
  amzSignature: 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
  amzCredential: 'AKIAIOSFODNN7EXAMPL3/20260101/us-east-1/s3/aws4_request',
  sasSig: 'sv2Wq8rT5yU1iO3pA6sD9fG2hJ4kL7zX0cV3bN6mQ%3D',
  clientSecret: 'cs-5f4e3d2c1b0a9988',
  password: 'hunter2-but-longer-42',
  formPassword: 'correct-horse-battery-9',
  cookie: 'sess-a1b2c3d4e5f6a7b8',
  oauthCode: 'oauth-code-77aa88bb99cc',
  basicUser: 'alice',
  basicPassword: 'b4s1c-p4ssw0rd-xyz',
  envKey: 'env-only-secret-value-5d4c3b2a',
  bodyKey: 'custom-body-key-19ab28cd37ef',
}
type Secrets = typeof SECRETS
const basic = (s: Secrets) => Buffer.from(`${s.basicUser}:${s.basicPassword}`).toString('base64')
const S = SECRETS

let origin: Origin
const temp = tempDir()
const server = setupServer()

beforeAll(async () => {
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  vi.stubEnv('MY_SERVICE_API_KEY', S.envKey)
  // Echoes what it got, the way APIs echo keys back: in JSON, in SSE events, in Location.
  origin = await startOrigin((request, response, body) => {
    const echo = { headers: request.headers, url: request.url, body: body.toString('latin1') }
    if (request.url?.startsWith('/login')) {
      response.writeHead(302, { location: `/callback?code=${S.oauthCode}&state=1` })
      response.end()
    } else if (request.url?.startsWith('/stream')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(`data: ${JSON.stringify(echo)}\n\n`)
      response.end(`data: {"token":"${S.jwt}"}\n\n`)
    } else if (request.url?.startsWith('/ndjson')) {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' })
      response.end(`${JSON.stringify({ key: S.openai })}\n${JSON.stringify(echo)}\n`)
    } else {
      response.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': `sid=${S.cookie}`,
      })
      response.end(JSON.stringify(echo))
    }
  })
  listenStrictly(server)
})
afterAll(async () => {
  server.close()
  await origin.close()
  temp.remove()
  vi.unstubAllEnvs()
})

async function sendAll(S: Secrets): Promise<void> {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${origin.url}${path}`, { headers, redirect: 'manual' }).then((r) => r.text())
  await get('/json', {
    'x-goog-api-key': S.google,
    'ocp-apim-subscription-key': S.azure,
    'private-token': S.gitlabPrivate,
    'x-auth-token': S.authToken,
    'x-amz-security-token': S.amzSecurity,
    authorization: `Basic ${basic(S)}`,
    cookie: `sid=${S.cookie}`,
  })
  await get(
    `/json?X-Amz-Signature=${S.amzSignature}&X-Amz-Credential=${encodeURIComponent(S.amzCredential)}&sig=${S.sasSig}&client_secret=${S.clientSecret}&password=${S.password}`,
  )
  await get('/login')
  await get(`/stream?q=${S.anthropic}`, { authorization: `Bearer ${S.openai}` })
  await get('/ndjson', { 'x-api-key': S.github })
  await fetch(`${origin.url}/json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=password&password=${S.formPassword}&client_secret=${S.clientSecret}&note=${S.envKey}`,
  }).then((r) => r.text())
  await fetch(`${origin.url}/json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-custom-key': S.bodyKey },
    body: JSON.stringify({
      key: S.bodyKey,
      tokens: [S.awsId, S.awsSession, S.githubPat, S.gitlab, S.slack, S.jwt],
    }),
  }).then((r) => r.text())
  await fetch(`${origin.url}/json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: gzipSync(JSON.stringify({ prompt: 'hi', auth: S.envKey, key: S.google })),
  }).then((r) => r.text())
}

describe('recording with the default options', () => {
  let file: string

  beforeAll(async () => {
    const handlers = fromCassette('defaults', { dir: temp.dir, mode: 'record' })
    server.use(...handlers)
    await sendAll(SECRETS)
    await handlers.save()
    server.resetHandlers()
    file = readFileSync(join(temp.dir, 'defaults.yaml'), 'latin1')
  })

  test.each(Object.entries(SECRETS).filter(([name]) => name !== 'basicUser'))(
    'writes no %s',
    (_, secret) => {
      expect(file).not.toContain(secret)
      expect(file).not.toContain(encodeURIComponent(secret))
    },
  )

  test('writes no Basic credentials, encoded or decoded', () => {
    expect(file).not.toContain(basic(S))
    expect(file).not.toContain(`${S.basicUser}:${S.basicPassword}`)
  })

  test('stores a gzip request body decoded, without its Content-Encoding', () => {
    expect(file).toContain('"prompt":"hi"')
    expect(file).not.toContain('!!binary')
  })

  test('keeps what is no secret: parameter names, prose, rate-limit words', () => {
    expect(file).toContain('grant_type=password&password=[REDACTED]')
    expect(file).toContain('X-Amz-Signature=[REDACTED]')
    expect(file).toMatch(/Location:\n +- \/callback\?code=\[REDACTED\]&state=1\n/)
  })

  test('a replay run with other keys still matches every request', async () => {
    const other = { ...SECRETS }
    for (const [name, value] of Object.entries(other)) {
      // Same shapes, other characters: what another developer's keys look like.
      other[name as keyof Secrets] = value.replace(/[0-9]/g, (d) => String((Number(d) + 1) % 10))
    }
    vi.stubEnv('MY_SERVICE_API_KEY', other.envKey)
    const handlers = fromCassette('defaults', { dir: temp.dir, mode: 'replay' })
    server.use(...handlers)
    try {
      await sendAll(other)
      expect(handlers.misses.map((miss) => miss.error.message)).toEqual([])
    } finally {
      server.resetHandlers()
    }
  })
})

describe('the last check before writing', () => {
  test('a token left where redaction does not reach keeps the file unwritten, naming interaction and field', async () => {
    const token = 'ghp_St4tusL1neT0k3nF4k3V4lu3F0rT3st1ng9x'
    const leaky = await startOrigin((_, response) => {
      response.writeHead(200, `OK ${token}`, { 'content-type': 'text/plain' })
      response.end('fine')
    })
    const handlers = fromCassette('leaky', { dir: temp.dir, mode: 'record' })
    server.use(...handlers)
    try {
      expect(await (await fetch(`${leaky.url}/x`)).text()).toBe('fine')
      const error = await handlers.save().then(
        () => undefined,
        (reason: unknown) => reason,
      )
      expect(error).toBeInstanceOf(CassetteRecordError)
      expect(error).toMatchObject({ code: 'ERR_CASSETTE_RECORD' })
      const message = (error as Error).message
      expect(message).toContain('interaction 0 (GET ')
      expect(message).toContain('response.status holds a GitHub token')
      expect(message).not.toContain(token)
      expect(existsSync(join(temp.dir, 'leaky.yaml'))).toBe(false)
    } finally {
      server.resetHandlers()
      await leaky.close()
    }
  })
})
