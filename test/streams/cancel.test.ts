import { setupServer } from 'msw/node'
import { fromCassette, releaseResponseCopies } from 'msw-cassette'
import { useCassette } from 'msw-cassette/vitest'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { listenStrictly } from '../support/client.js'
import { ANTHROPIC_REQUEST, anthropicClient, chunksOf, openaiClient, SEED_REQUEST } from './sdk.js'

// A test that hangs here fails on vitest's own test timeout: cancelling waited for msw's unread
// copy of the body.

const SEED_URL = 'https://api.openai.com/v1/responses'
const seedInit = (): RequestInit => ({ method: 'POST', body: JSON.stringify(SEED_REQUEST) })

/** Every way a client lets go of a replayed body before its end. */
function cancelTests(all: boolean): void {
  test('reader.cancel() after the first event settles', async () => {
    const response = await fetch(SEED_URL, seedInit())
    const reader = response.body?.getReader()
    const first = await reader?.read()
    expect(new TextDecoder().decode(first?.value)).toMatch(/^event: response\.created\n/)
    await expect(reader?.cancel()).resolves.toBeUndefined()
  })

  test('body.cancel() before reading settles', async () => {
    const response = await fetch(SEED_URL, seedInit())
    await expect(response.body?.cancel()).resolves.toBeUndefined()
  })

  test('break out of for await over the body settles', async () => {
    const response = await fetch(SEED_URL, seedInit())
    const seen: string[] = []
    for await (const chunk of chunksOf(response.body)) {
      seen.push(new TextDecoder().decode(chunk))
      break
    }
    expect(seen).toHaveLength(1)
    expect(response.body?.locked).toBe(false)
  })

  test('openai: break out of a Responses stream after the first event', async () => {
    const stream = await openaiClient().responses.create(SEED_REQUEST)
    const types: string[] = []
    for await (const event of stream) {
      types.push(event.type)
      break
    }
    expect(types).toEqual(['response.created'])
  })

  test.runIf(all)('anthropic: break out of a Messages stream after the first event', async () => {
    const stream = await anthropicClient().messages.create(ANTHROPIC_REQUEST)
    const types: string[] = []
    for await (const event of stream) {
      types.push(event.type)
      break
    }
    expect(types).toEqual(['message_start'])
  })

  test.runIf(all)('cancelling a plain JSON body settles', async () => {
    const response = await fetch('https://api.example.test/whoami')
    expect(response.headers.get('content-type')).toMatch(/json/)
    await expect(response.body?.cancel()).resolves.toBeUndefined()
  })

  test('a full read still gives every event', async () => {
    const stream = await openaiClient().responses.create(SEED_REQUEST)
    let count = 0
    for await (const _event of stream) count++
    expect(count).toBe(21)
  })
}

describe('on the server msw-cassette starts', () => {
  useCassette('simple_object_streaming')
  useCassette('anthropic/messages_stream')
  useCassette('concurrent/tenant-00')
  cancelTests(true)
})

describe('on a server given to useCassette', () => {
  const server = setupServer()
  beforeAll(() => listenStrictly(server))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  useCassette('simple_object_streaming', { server })
  useCassette('anthropic/messages_stream', { server })
  useCassette('concurrent/tenant-00', { server })
  cancelTests(true)
})

describe('fromCassette on the user own server, with releaseResponseCopies', () => {
  const handlers = fromCassette('simple_object_streaming', { allowRepeats: true })
  const server = setupServer(...handlers)
  beforeAll(() => {
    listenStrictly(server)
    releaseResponseCopies(server)
  })
  afterAll(() => server.close())
  cancelTests(false)
})
