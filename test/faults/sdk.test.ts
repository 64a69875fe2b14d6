import Anthropic from '@anthropic-ai/sdk'
import { useCassette } from 'msw-cassette/vitest'
import OpenAI from 'openai'
import { describe, expect, test } from 'vitest'
import { ANTHROPIC_REQUEST, SEED_REQUEST } from '../streams/sdk.js'

// Clients are made inside the tests: msw swaps `fetch` when the server starts (see Traps).
const openai = (options: { maxRetries?: number; timeout?: number } = {}) =>
  new OpenAI({ apiKey: 'sk-test', maxRetries: 0, ...options })
const anthropic = (options: { maxRetries?: number; timeout?: number } = {}) =>
  new Anthropic({ apiKey: 'sk-ant-test', maxRetries: 0, ...options })

/** Runs a `for await` over a stream; returns the event types seen and the error it ended with. */
async function drain(stream: AsyncIterable<{ type: string }>) {
  const types: string[] = []
  try {
    for await (const event of stream) types.push(event.type)
    return { types, error: undefined }
  } catch (error) {
    return { types, error }
  }
}

describe('openai over the seed', () => {
  const handle = useCassette('simple_object_streaming')

  test('a 429 then the recording: the SDK retries and succeeds', async () => {
    handle.fault({ status: 429, headers: { 'Retry-After': '0.01' }, body: '{"error":{}}' })
    const { types, error } = await drain(
      await openai({ maxRetries: 2 }).responses.create(SEED_REQUEST),
    )
    expect(error).toBeUndefined()
    expect(types).toHaveLength(21)
    expect(types.at(-1)).toBe('response.completed')
  })

  test('without retries, the 429 is a RateLimitError', async () => {
    handle.fault({ status: 429, body: '{"error":{"message":"slow down"}}' })
    const error = await openai()
      .responses.create(SEED_REQUEST)
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).status).toBe(429)
    // The fault answered instead: the recording is still there.
    expect(handle.unused()).toHaveLength(1)
  })

  // The SDKs wrap failures to connect, but rethrow a body that breaks mid-stream as fetch
  // gives it: undici's `TypeError: terminated`, which is what the loop gets here too.
  test("a cut after 5 events fails the for-await loop with undici's connection error", async () => {
    handle.fault({ cutAfter: 5 })
    const { types, error } = await drain(await openai().responses.create(SEED_REQUEST))
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
    ])
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('terminated')
    expect((error as TypeError).cause).toMatchObject({ code: 'UND_ERR_SOCKET' })
  })

  test("a network error before the response is the SDK's APIConnectionError", async () => {
    handle.fault({ networkError: 'ECONNRESET' })
    const error = await openai()
      .responses.create(SEED_REQUEST)
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError)
    expect((error as Error).cause).toMatchObject({ message: 'fetch failed' })
    expect(handle.unused()).toHaveLength(1)
  })

  test('a headers delay beyond the timeout is a timeout error', async () => {
    handle.fault({ delayHeadersMs: 60_000 })
    const error = await openai({ timeout: 50 })
      .responses.create(SEED_REQUEST)
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError)
    expect((error as Error).message).toMatch(/timed out/i)
  })
})

describe('anthropic over a streaming cassette', () => {
  const handle = useCassette('anthropic/messages_stream')

  test('a 503 then the recording: the SDK retries and succeeds', async () => {
    handle.fault({ status: 503, headers: { 'Retry-After': '0.01' } })
    const stream = await anthropic({ maxRetries: 1 }).messages.create(ANTHROPIC_REQUEST)
    const { types, error } = await drain(stream)
    expect(error).toBeUndefined()
    expect(types.at(-1)).toBe('message_stop')
  })

  test('a 429 then the recording: the SDK retries and succeeds', async () => {
    handle.fault({ status: 429, headers: { 'Retry-After': '0.01' } })
    const { types, error } = await drain(
      await anthropic({ maxRetries: 2 }).messages.create(ANTHROPIC_REQUEST),
    )
    expect(error).toBeUndefined()
    expect(types[0]).toBe('message_start')
    expect(types.at(-1)).toBe('message_stop')
  })

  test("a cut after 4 events fails the for-await loop with undici's connection error", async () => {
    handle.fault({ cutAfter: 4 })
    const { types, error } = await drain(await anthropic().messages.create(ANTHROPIC_REQUEST))
    // The third event is a `ping`, which the SDK does not yield.
    expect(types).toEqual(['message_start', 'content_block_start', 'content_block_delta'])
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('terminated')
  })

  test("a network error before the response is the SDK's APIConnectionError", async () => {
    handle.fault({ networkError: 'ECONNREFUSED' })
    const error = await anthropic()
      .messages.create(ANTHROPIC_REQUEST)
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(Anthropic.APIConnectionError)
  })

  test('a headers delay beyond the timeout is a timeout error', async () => {
    handle.fault({ delayHeadersMs: 60_000 })
    const error = await anthropic({ timeout: 50 })
      .messages.create(ANTHROPIC_REQUEST)
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(Anthropic.APIConnectionTimeoutError)
  })
})
