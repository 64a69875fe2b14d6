import { setupServer } from 'msw/node'
import {
  type Cassette,
  CassetteFormatError,
  type CassetteOptions,
  CassetteOptionsError,
  fromCassette,
  type IncomingRequest,
  type Interaction,
  UnmatchedRequestError,
} from 'msw-cassette'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { failure, listenStrictly, readChunks } from './support/client.js'

const DIR = 'fixtures/replay'
const API = 'https://api.example.test'

const server = setupServer()
beforeAll(() => listenStrictly(server))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Answers this test's requests from `fixtures/replay/<name>.yaml`. */
function use(name: string, options: CassetteOptions = {}): void {
  server.use(...fromCassette(name, { dir: DIR, ...options }))
}

const chatBody = (overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    model: 'm-1',
    messages: [{ role: 'user', content: 'hi' }],
    metadata: { request_id: 'req-1', user: 'u' },
    ...overrides,
  })

const postChat = (body: string): Promise<Response> =>
  fetch(`${API}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })

describe('replay order', () => {
  test('identical requests get successive recordings in file order', async () => {
    use('polling')
    const polls: unknown[] = []
    for (let i = 0; i < 3; i++) polls.push(await (await fetch(`${API}/v1/jobs/42`)).json())
    expect(polls).toEqual([
      { state: 'pending', poll: 1 },
      { state: 'pending', poll: 2 },
      { state: 'done', poll: 3 },
    ])
  })

  test('a request after the recordings ran out fails and says they were used', async () => {
    use('polling')
    for (let i = 0; i < 3; i++) await (await fetch(`${API}/v1/jobs/42`)).text()
    const error = await failure(fetch(`${API}/v1/jobs/42`))
    expect(error).toBeInstanceOf(UnmatchedRequestError)
    expect(error?.message).toContain(`GET ${API}/v1/jobs/42`)
    expect(error?.message).toContain('polling.yaml')
    expect(error?.message).toContain('already used')
    expect(error?.message).toContain('allowRepeats')
  })

  test('`allowRepeats: true` lets the first match answer again once all are used', async () => {
    use('polling', { allowRepeats: true })
    const states: unknown[] = []
    for (let i = 0; i < 5; i++) states.push(await (await fetch(`${API}/v1/jobs/42`)).json())
    expect(states.map((state) => (state as { poll: number }).poll)).toEqual([1, 2, 3, 1, 1])
  })

  test('handlers created again start with every interaction unused', async () => {
    use('polling')
    await (await fetch(`${API}/v1/jobs/42`)).text()
    server.resetHandlers()
    use('polling')
    expect(await (await fetch(`${API}/v1/jobs/42`)).json()).toEqual({ state: 'pending', poll: 1 })
  })
})

describe('request matching', () => {
  test('query parameter order does not matter, repeats do', async () => {
    use('matching', { allowRepeats: true })
    const hit = await fetch(`${API}/v1/search?tag=a&q=cats&tag=b`)
    expect(await hit.text()).toBe('search results')
    const twice = await failure(fetch(`${API}/v1/search?tag=a&q=cats&tag=b&tag=b`))
    expect(twice).toBeInstanceOf(UnmatchedRequestError)
    expect(twice?.message).toContain('not sent to the network')
  })

  test('scheme and host case and a default port do not matter', async () => {
    use('matching')
    const response = await fetch('HTTPS://API.EXAMPLE.TEST:443/v1/search?q=cats&tag=a&tag=b')
    expect(await response.text()).toBe('search results')
  })

  test('the method compares case-insensitively', async () => {
    use('matching')
    // Fetch upper-cases only the standard methods, so these cases reach the matcher as sent:
    // `patch` is recorded, `PATCH` sent; `PURGE` is recorded, `purge` sent.
    const one = await fetch(`${API}/v1/items/1`, { method: 'PATCH' })
    expect(await one.text()).toBe('patched one')
    const two = await fetch(`${API}/v1/items/2`, { method: 'purge' })
    expect(await two.text()).toBe('purged two')
    const get = await failure(fetch(`${API}/v1/items/2`))
    expect(get).toBeInstanceOf(UnmatchedRequestError)
  })

  test('JSON bodies compare as values: key order and white space are ignored', async () => {
    use('matching')
    const reordered = JSON.stringify(
      {
        metadata: { user: 'u', request_id: 'req-1' },
        messages: [{ content: 'hi', role: 'user' }],
        model: 'm-1',
      },
      null,
      2,
    )
    const response = await postChat(reordered)
    expect(await response.json()).toEqual({ reply: 'hello' })
  })

  test('a different JSON body misses', async () => {
    use('matching')
    const error = await failure(postChat(chatBody({ model: 'm-2' })))
    expect(error).toBeInstanceOf(UnmatchedRequestError)
    expect(error?.message).toContain(`POST ${API}/v1/chat`)
  })

  test('a binary request body matches the recorded !!binary bytes exactly', async () => {
    use('matching')
    const bytes = [0x00, 0x01, 0xfe, 0xff, 0x80, 0x81, 0x0d, 0x0a, 0x0d, 0x0a, 0xc0, 0xaf]
    const init = (body: Uint8Array<ArrayBuffer>): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body,
    })
    const other = await failure(fetch(`${API}/v1/upload`, init(new Uint8Array(bytes.slice(1)))))
    expect(other).toBeInstanceOf(UnmatchedRequestError)
    const response = await fetch(`${API}/v1/upload`, init(new Uint8Array(bytes)))
    expect(response.status).toBe(201)
    expect(await response.text()).toBe('stored')
  })

  test('headers are not compared by default', async () => {
    use('matching')
    const response = await fetch(`${API}/v1/tenant`, { headers: { 'x-tenant': 'beta' } })
    expect(await response.text()).toBe('tenant alpha')
    const bare = await fetch(`${API}/v1/tenant`)
    expect(await bare.text()).toBe('tenant beta')
  })

  test('`match: { headers: [...] }` compares the named headers', async () => {
    use('matching', { match: { headers: ['x-tenant'] } })
    const beta = await fetch(`${API}/v1/tenant`, { headers: { 'X-Tenant': 'beta' } })
    expect(await beta.text()).toBe('tenant beta')
    const alpha = await fetch(`${API}/v1/tenant`, { headers: { 'x-tenant': 'alpha' } })
    expect(await alpha.text()).toBe('tenant alpha')
    const gamma = await failure(fetch(`${API}/v1/tenant`, { headers: { 'x-tenant': 'gamma' } }))
    expect(gamma).toBeInstanceOf(UnmatchedRequestError)
  })

  test('`match: { body: false }` ignores the body', async () => {
    use('matching', { match: { body: false } })
    const response = await postChat('{"completely":"different"}')
    expect(await response.json()).toEqual({ reply: 'hello' })
  })

  test('`ignoreBodyPaths` leaves the named JSON paths out', async () => {
    const body = chatBody({ metadata: { request_id: 'req-999', user: 'u' } })
    use('matching')
    expect(await failure(postChat(body))).toBeInstanceOf(UnmatchedRequestError)
    server.resetHandlers()
    use('matching', { ignoreBodyPaths: ['metadata.request_id'] })
    expect(await (await postChat(body)).json()).toEqual({ reply: 'hello' })
  })

  test('a custom `matcher` decides which interaction answers', async () => {
    const seen: Array<{ method: string; path: string; text: string; id: number }> = []
    const matcher = (request: IncomingRequest, interaction: Interaction): boolean => {
      seen.push({
        method: request.method,
        path: request.url.pathname,
        text: request.text,
        id: interaction.id,
      })
      return request.url.pathname === '/v1/chat' && interaction.id === 1
    }
    use('matching', { matcher })
    const response = await postChat('not even json')
    expect(await response.json()).toEqual({ reply: 'hello' })
    expect(seen).toContainEqual({ method: 'POST', path: '/v1/chat', text: 'not even json', id: 1 })
    expect(await failure(fetch(`${API}/v1/search?q=cats&tag=a&tag=b`))).toBeInstanceOf(
      UnmatchedRequestError,
    )
  })
})

describe('responses', () => {
  test('every value of a multi-valued header arrives', async () => {
    use('responses')
    const response = await fetch(`${API}/headers`)
    expect(response.headers.getSetCookie()).toEqual([
      'session=abc; Path=/; HttpOnly',
      'theme=dark; Path=/',
    ])
    expect(response.headers.get('x-foo')).toBe('one, two')
    expect(await response.text()).toBe('all the headers')
  })

  test('Content-Length and Transfer-Encoding are never sent from the cassette', async () => {
    use('responses')
    const response = await fetch(`${API}/headers`)
    expect(response.headers.get('content-length')).toBeNull()
    expect(response.headers.get('transfer-encoding')).toBeNull()
    expect(await response.text()).toBe('all the headers')
  })

  test('Content-Encoding is dropped when the cassette marks the body `uncompressed`', async () => {
    use('responses')
    const response = await fetch(`${API}/gzip/uncompressed`)
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('content-length')).toBeNull()
    expect(await response.json()).toEqual({ decoded: 'by go-vcr' })
  })

  test('Content-Encoding is dropped when the stored body is plain text', async () => {
    use('responses')
    const response = await fetch(`${API}/gzip/plain`)
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await response.json()).toEqual({ plain: 'text' })
  })

  test('Content-Encoding stays with a !!binary body that is still encoded', async () => {
    use('responses')
    const response = await fetch(`${API}/gzip/binary`)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    // The recorded bytes are real gzip, so the client decodes them as a server's.
    expect(await response.json()).toEqual({ zipped: true })
  })

  test('a !!binary response body replays byte-exact', async () => {
    use('responses')
    const response = await fetch(`${API}/binary`)
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      0x00, 0x01, 0xfe, 0xff, 0x80, 0x81, 0x0d, 0x0a, 0x0d, 0x0a, 0xc0, 0xaf,
    ])
  })

  test('204 replays with no body', async () => {
    use('responses')
    const response = await fetch(`${API}/v1/items/9`, { method: 'DELETE' })
    expect(response.status).toBe(204)
    expect(response.statusText).toBe('No Content')
    expect(response.body).toBeNull()
    expect(response.headers.get('date')).toBe('Tue, 25 Nov 2025 10:00:00 GMT')
  })

  test('a recorded code a Response cannot carry fails the request, naming file and interaction', async () => {
    use('unplayable')
    for (const [path, code, id] of [
      ['socket', 101, 0],
      ['hints', 103, 1],
      ['odd', 799, 2],
    ] as const) {
      const error = await failure(fetch(`${API}/${path}`))
      expect(error).toBeInstanceOf(CassetteFormatError)
      expect((error as CassetteFormatError).code).toBe('ERR_CASSETTE_INVALID')
      expect((error as CassetteFormatError).location).toEqual({
        interaction: id,
        field: 'response.code',
      })
      expect(error?.message).toContain('unplayable.yaml')
      expect(error?.message).toContain(`#${id} GET ${API}/${path}`)
      expect(error?.message).toContain(`response code ${code} is outside 200-599`)
    }
  })

  test('a recorded status text a Response refuses falls back to the standard phrase', async () => {
    use('unplayable')
    const response = await fetch(`${API}/reason`)
    expect(response.status).toBe(200)
    expect(response.statusText).toBe('OK')
    expect(await response.text()).toBe('fine')
  })

  test('the status text comes from the recorded `status`', async () => {
    use('responses')
    const response = await fetch(`${API}/teapot`)
    expect(response.status).toBe(418)
    expect(response.statusText).toBe("I'm a teapot")
    expect(await response.text()).toBe('short and stout')
  })
})

describe('streams', () => {
  const NDJSON_URL = 'http://localhost:11434/api/generate'
  const SSE_URL =
    'https://generativelanguage.example.test/v1beta/models/gemini:streamGenerateContent?alt=sse'
  const SSE_EVENTS = [
    'data: {"text":"Hel"}\r\n\r\n',
    'event: message\r\ndata: {"text":"lo"}\r\n\r\n',
    'data: {"text":"!"}\r\n\r\n',
  ]

  const postNdjson = () =>
    fetch(NDJSON_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"stream":true,"prompt":"count","model":"llama3"}',
    })
  const postSse = () =>
    fetch(SSE_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"contents":[{"parts":[{"text":"hi"}]}]}',
    })

  test('an NDJSON response streams one line per read', async () => {
    use('responses')
    const response = await postNdjson()
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    expect(await readChunks(response)).toEqual([
      '{"response":"one","done":false}\n',
      '{"response":"two","done":false}\n',
      '{"response":"","done":true}\n',
    ])
  })

  test('a CRLF SSE response streams one event per read, byte for byte', async () => {
    use('responses')
    const response = await postSse()
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    // The body is stored decoded, so the recorded gzip encoding must not reach the client.
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await readChunks(response)).toEqual(SSE_EVENTS)
  })

  test('`timing: { eventDelayMs }` spaces the same chunks', async () => {
    use('responses', { timing: { eventDelayMs: 20 } })
    expect(await readChunks(await postSse())).toEqual(SSE_EVENTS)
  })

  test('`timing: { headersDelayMs }` holds the response headers back', async () => {
    use('responses', { timing: { headersDelayMs: 250 } })
    const order: string[] = []
    const response = postSse().then((answer) => {
      order.push('headers')
      return answer
    })
    // Order, not wall-clock time: a timer set before the request was even intercepted fires
    // first only if the handler waits before answering.
    await new Promise((resolve) => setTimeout(resolve, 25))
    order.push('timer')
    expect(await readChunks(await response)).toEqual(SSE_EVENTS)
    expect(order).toEqual(['timer', 'headers'])
  })

  test("`timing: 'recorded'` replays after the recorded duration", async () => {
    use('responses', { timing: 'recorded' })
    expect(await readChunks(await postSse())).toEqual(SSE_EVENTS)
  })

  test('a stream cancelled after the first event leaves nothing behind', async () => {
    use('responses', { timing: { eventDelayMs: 20 } })
    const response = await postSse()
    const reader = response.body?.getReader()
    if (!reader) throw new Error('the response has no body')
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe(SSE_EVENTS[0])
    // Not awaited: msw 2 tees the mocked body for its own `response` event and never reads
    // that branch, so the client's cancel promise stays pending (the source is never told).
    void reader.cancel()
    // Give a leftover timer the chance to fire: an unhandled rejection would fail the run.
    await new Promise((resolve) => setTimeout(resolve, 60))
  })
})

describe('options', () => {
  test('fromCassette refuses `server`, which only useCassette and withCassette take', () => {
    const options: Record<string, unknown> = { server: setupServer() }
    let error: unknown
    try {
      fromCassette('polling', { dir: DIR, ...options })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CassetteOptionsError)
    expect((error as Error).message).toContain('fromCassette: the option `server` does not apply')
  })

  test('an unknown option name throws a CassetteOptionsError naming it', () => {
    const options: Record<string, unknown> = { allowRepeat: true }
    expect(() => fromCassette('polling', { dir: DIR, ...options })).toThrow(CassetteOptionsError)
    expect(() => fromCassette('polling', { dir: DIR, ...options })).toThrow('`allowRepeat`')
  })

  test('an unknown `match` key throws a CassetteOptionsError naming it', () => {
    const match: Record<string, unknown> = { header: ['x-tenant'] }
    let error: unknown
    try {
      fromCassette('polling', { dir: DIR, match })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CassetteOptionsError)
    expect((error as CassetteOptionsError).code).toBe('ERR_CASSETTE_OPTIONS')
    expect((error as Error).message).toContain('`match.header`')
  })
})

describe('JSON bodies', () => {
  test('a body that differs only under a `__proto__` key does not match the recording', async () => {
    const recorded = '{"__proto__":{"x":1},"b":2}'
    const cassette: Cassette = {
      path: '/memory/proto.yaml',
      version: 2,
      interactions: [
        {
          id: 0,
          index: 0,
          request: {
            method: 'POST',
            url: 'https://api.example.test/items',
            body: recorded,
            headers: { 'Content-Type': ['application/json'] },
            extra: {},
          },
          response: {
            code: 200,
            status: '200 OK',
            body: 'recorded answer',
            headers: {},
            durationMs: 0,
            uncompressed: false,
            extra: {},
          },
        },
      ],
    }
    server.use(...fromCassette(cassette, { allowRepeats: true }))
    const post = (body: string) =>
      fetch('https://api.example.test/items', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    expect(await (await post(recorded)).text()).toBe('recorded answer')
    const error = await failure(post('{"__proto__":{"x":999},"b":2}'))
    expect(error).toBeInstanceOf(UnmatchedRequestError)
    expect(error?.message).toContain('body __proto__.x: recorded 1, sent 999')
  })
})
