import { setupServer } from 'msw/node'
import { fromCassette, UnmatchedRequestError } from 'msw-cassette'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { failure, listenStrictly } from './support/client.js'

const CHAT = 'https://api.openai.com/v1/chat/completions'
const QUERY_KEY = 'q-live-key-7f6e5d4c3b2a'
const TOKEN = 'sk-proj-L1v3K3yN0tF0rL0gsAbCdEfGh0123'
const EMAIL = 'carol@example.com'
const server = setupServer()
beforeAll(() => listenStrictly(server))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

test('a miss message and the debug lines print no live secret', async () => {
  const lines: string[] = []
  const handlers = fromCassette('explain/chat', {
    redact: { bodyPaths: ['user.email'] },
    debug: (line) => lines.push(line),
  })
  server.use(...handlers)
  const error = await failure(
    fetch(`${CHAT}?key=${QUERY_KEY}&password=${QUERY_KEY}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ model: 'gpt-4o', user: { email: EMAIL }, note: `use ${TOKEN}` }),
    }),
  )
  expect(error).toBeInstanceOf(UnmatchedRequestError)
  expect(error).toMatchObject({ code: 'ERR_CASSETTE_UNMATCHED' })
  const message = (error as Error).message
  expect(message).toContain('no unused recorded interaction matches the request')
  expect(message).toContain('key=[REDACTED]')
  expect(lines.join('\n')).toContain('no unused recorded interaction')
  for (const text of [message, lines.join('\n'), (error as UnmatchedRequestError).url]) {
    for (const secret of [QUERY_KEY, TOKEN, EMAIL]) expect(text).not.toContain(secret)
  }
  handlers.takeMisses()
})
