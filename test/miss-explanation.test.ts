import { setupServer } from 'msw/node'
import {
  type Cassette,
  fromCassette,
  type Interaction,
  UnmatchedRequestError,
  UnusedInteractionsError,
} from 'msw-cassette'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { failure, listenStrictly } from './support/client.js'

const CHAT = 'https://api.openai.com/v1/chat/completions'
const server = setupServer()
beforeAll(() => listenStrictly(server))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const france = {
  model: 'gpt-4o',
  temperature: 0.2,
  messages: [
    { role: 'system', content: 'You are terse.' },
    {
      role: 'user',
      content:
        'What is the capital of France? Answer with one word, and nothing else at all, please.',
    },
  ],
}

/** The message of the error a request fails with. */
async function missMessage(url: string, init?: RequestInit): Promise<string> {
  const error = await failure(fetch(url, init))
  expect(error).toBeInstanceOf(UnmatchedRequestError)
  return (error as UnmatchedRequestError).message
}

function useChat(options: Parameters<typeof fromCassette>[1] = {}) {
  const handlers = fromCassette('explain/chat', options)
  server.use(...handlers)
  return handlers
}

/** A plain `200 OK` answer, for cassettes built in memory. */
const OK_RESPONSE: Interaction['response'] = {
  code: 200,
  status: '200 OK',
  body: 'x',
  headers: {},
  durationMs: 0,
  uncompressed: false,
  extra: {},
}

describe('a miss explains itself', () => {
  test('names the cassette file and the request', async () => {
    useChat()
    const message = await missMessage(CHAT, { method: 'POST', body: '{"model":"o1"}' })
    expect(message).toContain('fixtures/explain/chat.yaml')
    expect(message).toContain(`POST ${CHAT}`)
  })

  test('shows the differing JSON path with the recorded and the sent value, best candidate first', async () => {
    useChat()
    const body = JSON.stringify({ ...france, temperature: 0.7 })
    const message = await missMessage(CHAT, { method: 'POST', body })
    const lines = message.split('\n')
    const first = lines.findIndex((line) => line.includes('#0 POST'))
    const second = lines.findIndex((line) => line.includes('#1 POST'))
    expect(first).toBeGreaterThan(0)
    expect(second).toBeGreaterThan(first) // #0 differs in one path, #1 in two
    expect(message).toContain('method matches, url matches, body differs')
    expect(message).toContain('body temperature: recorded 0.2, sent 0.7')
  })

  test('shortens long values around the difference', async () => {
    useChat()
    const changed = structuredClone(france)
    const user = changed.messages[1]
    if (!user) throw new Error('fixture changed')
    user.content = user.content.replace('nothing else at all', 'nothing more at all')
    const message = await missMessage(CHAT, { method: 'POST', body: JSON.stringify(changed) })
    const line = message.split('\n').find((item) => item.includes('messages.1.content'))
    expect(line).toBeDefined()
    expect(line).toContain('…')
    expect(line).toContain('nothing else')
    expect(line).toContain('nothing more')
    expect(line).not.toContain('What is the capital')
  })

  test('a missing JSON key is reported as not sent', async () => {
    useChat()
    const { temperature: _dropped, ...rest } = france
    const message = await missMessage(CHAT, { method: 'POST', body: JSON.stringify(rest) })
    expect(message).toContain('body temperature: recorded 0.2, not sent')
  })

  test('says which query parameter differs, is missing or is extra', async () => {
    useChat()
    const message = await missMessage('https://api.openai.com/v1/models?limit=20&after=abc')
    expect(message).toContain('#2 GET https://api.openai.com/v1/models?limit=10&order=desc')
    expect(message).toContain('query parameter `limit`: recorded "10", sent "20"')
    expect(message).toContain('query parameter `order` missing: recorded "desc"')
    expect(message).toContain('query parameter `after` extra: sent "abc"')
  })

  test('says when the path differs', async () => {
    useChat()
    const message = await missMessage('https://api.openai.com/v1/jobs/43')
    expect(message).toContain('path: recorded /v1/jobs/42, sent /v1/jobs/43')
  })

  test('shows the first differing line of a text body', async () => {
    useChat()
    const message = await missMessage('https://api.openai.com/v1/echo', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'first line\nsecond LINE\nthird line',
    })
    expect(message).toContain('body line 2: recorded "second line", sent "second LINE"')
  })

  test('when the match was used already, says by which request and names allowRepeats', async () => {
    useChat()
    for (const expected of ['pending', 'done']) {
      const response = await fetch('https://api.openai.com/v1/jobs/42')
      expect(await response.json()).toEqual({ status: expected })
    }
    const message = await missMessage('https://api.openai.com/v1/jobs/42')
    expect(message).toContain('#4 GET https://api.openai.com/v1/jobs/42')
    expect(message).toContain(
      'matches fully, but was already used by request 1 (GET https://api.openai.com/v1/jobs/42)',
    )
    expect(message).toContain('already used by request 2')
    expect(message).toContain('allowRepeats: true')
  })

  test('in a cassette of thousands with one URL, the closest body still ranks first', async () => {
    const body = (index: number, note: string) =>
      JSON.stringify({ id: `item-${String(index).padStart(5, '0')}`, note })
    const interactions: Interaction[] = Array.from({ length: 3000 }, (_, index) => ({
      id: index,
      index,
      request: {
        method: 'POST',
        url: 'https://api.example.test/items',
        body: body(index, 'the same long note for every item, which most of the body is'),
        headers: { 'Content-Type': ['application/json'] },
        extra: {},
      },
      response: OK_RESPONSE,
    }))
    server.use(...fromCassette({ path: '/memory/one-url.yaml', version: 2, interactions }))
    const message = await missMessage('https://api.example.test/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(2718, 'the same long note for every item, which most of the body is!'),
    })
    const listed = message.split('\n').filter((line) => /^ {2}#\d+ /.test(line))
    expect(listed).toHaveLength(3)
    expect(listed[0]).toContain('#2718 POST')
    expect(message).toContain('body note: recorded')
  })

  test('in a cassette of thousands, compares requests of the same method and host, lists three at most', async () => {
    const interactions: Interaction[] = Array.from({ length: 5000 }, (_, index) => ({
      id: index,
      index,
      request: {
        method: index % 500 === 321 ? 'POST' : 'GET',
        url: `https://${index % 500 === 321 ? 'api.example.test' : 'other.example.test'}/items/${index}`,
        body: index % 500 === 321 ? `{"page":${index}}` : '',
        headers: {},
        extra: {},
      },
      response: OK_RESPONSE,
    }))
    const cassette: Cassette = { path: '/memory/big.yaml', version: 2, interactions }
    server.use(...fromCassette(cassette))
    const message = await missMessage('https://api.example.test/items/4321', {
      method: 'POST',
      body: '{"page":1}',
    })
    const listed = message.split('\n').filter((line) => /^ {2}#\d+ /.test(line))
    // Ten POSTs to this host exist; the one with the same URL ranks first.
    expect(listed).toHaveLength(3)
    expect(listed[0]).toContain('#4321 POST https://api.example.test/items/4321')
    expect(message).toContain('body page: recorded 4321, sent 1')
    expect(message).not.toContain('other.example.test')
  })

  test('with a custom matcher, says the parts were compared with the defaults', async () => {
    useChat({ matcher: () => false })
    const message = await missMessage('https://api.openai.com/v1/jobs/42')
    expect(message).toContain('your `matcher` decided')
  })
})

describe('strict mode and the explicit check', () => {
  test('verify() lists interactions never requested, with id, method and URL', async () => {
    const handlers = useChat({ strict: true })
    await (await fetch('https://api.openai.com/v1/jobs/42')).text()
    const error = (() => {
      try {
        handlers.verify()
      } catch (caught) {
        return caught as Error
      }
    })()
    expect(error).toBeInstanceOf(UnusedInteractionsError)
    expect(error).toMatchObject({ code: 'ERR_CASSETTE_UNUSED' })
    expect(error?.message).toContain('5 recorded interactions were never requested (strict mode)')
    expect(error?.message).toContain('cassette: fixtures/explain/chat.yaml')
    expect(error?.message).toContain(`#0 POST ${CHAT}`)
    expect(error?.message).toContain('#5 GET https://api.openai.com/v1/jobs/42')
    expect(error?.message).not.toContain('#4 GET')
  })

  test('verify() throws the miss a swallowed fetch error left behind', async () => {
    const handlers = useChat()
    await fetch('https://api.openai.com/v1/nothing').catch(() => undefined)
    expect(() => handlers.verify()).toThrow(
      /no unused recorded interaction matches the request\.\n.*\n {2}request: {2}GET https:\/\/api\.openai\.com\/v1\/nothing/,
    )
  })
})

describe('debug log', () => {
  test('prints request -> interaction, and why candidates were turned down', async () => {
    const lines: string[] = []
    useChat({ debug: (line) => lines.push(line) })
    await (await fetch('https://api.openai.com/v1/jobs/42')).text()
    await (await fetch('https://api.openai.com/v1/jobs/42')).text()
    await fetch('https://api.openai.com/v1/jobs/42').catch(() => undefined)
    expect(lines[0]).toBe(
      'request 1 (GET https://api.openai.com/v1/jobs/42) -> interaction #4 GET https://api.openai.com/v1/jobs/42 in fixtures/explain/chat.yaml',
    )
    expect(lines[1]).toContain(
      'request 2 (GET https://api.openai.com/v1/jobs/42) -> interaction #5',
    )
    expect(lines[2]).toBe(
      '  turned down #4 GET https://api.openai.com/v1/jobs/42: already used by request 1 (GET https://api.openai.com/v1/jobs/42)',
    )
    expect(lines[3]).toContain('no unused recorded interaction')
  })

  test('MSW_CASSETTE_DEBUG=1 turns it on, writing to stderr', async () => {
    const written: string[] = []
    const original = process.stderr.write.bind(process.stderr)
    process.env.MSW_CASSETTE_DEBUG = '1'
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    }) as typeof process.stderr.write
    try {
      useChat()
      await (await fetch('https://api.openai.com/v1/jobs/42')).text()
    } finally {
      process.stderr.write = original
      delete process.env.MSW_CASSETTE_DEBUG
    }
    expect(written.join('')).toContain(
      '[msw-cassette] request 1 (GET https://api.openai.com/v1/jobs/42) -> interaction #4',
    )
  })
})
