import { APIUserAbortError as AnthropicAbortError } from '@anthropic-ai/sdk'
import { useCassette } from 'msw-cassette/vitest'
import { APIUserAbortError as OpenAIAbortError } from 'openai'
import { describe, expect, test } from 'vitest'
import { ANTHROPIC_REQUEST, anthropicClient, openaiClient, SEED_REQUEST } from './sdk.js'

const SEED_URL = 'https://api.openai.com/v1/responses'
const decoder = new TextDecoder()

/** Reads `count` chunks, then aborts, then reads once more; returns what that read did. */
async function abortAfter(count: number, eventDelayMs?: number): Promise<unknown> {
  const controller = new AbortController()
  const response = await fetch(SEED_URL, {
    method: 'POST',
    body: JSON.stringify(SEED_REQUEST),
    signal: controller.signal,
  })
  const reader = response.body?.getReader()
  if (!reader) throw new Error('no body')
  for (let index = 0; index < count; index++) {
    expect(decoder.decode((await reader.read()).value)).toMatch(/^event: /)
  }
  const pending = eventDelayMs === undefined ? undefined : reader.read()
  controller.abort()
  return (pending ?? reader.read()).then(
    (read) => read,
    (error: unknown) => error,
  )
}

describe('an abort after the headers', () => {
  useCassette('simple_object_streaming')
  useCassette('anthropic/messages_stream')

  test('rejects the next read with an AbortError, as fetch does', async () => {
    const error = await abortAfter(3)
    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('AbortError')
  })

  test('rejects the read that waits for the next event', async () => {
    const error = await abortAfter(3, 0)
    expect((error as DOMException).name).toBe('AbortError')
  })

  // Both SDKs end a stream's loop quietly when the body fails with an AbortError (their
  // documented way to stop a stream); before, all 21 events still arrived.
  test('openai: stream.controller.abort() at event 3 ends the loop there', async () => {
    const stream = await openaiClient().responses.create(SEED_REQUEST)
    const types: string[] = []
    for await (const event of stream) {
      types.push(event.type)
      if (types.length === 3) stream.controller.abort()
    }
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
    ])
  })

  test('anthropic: stream.controller.abort() at event 3 ends the loop there', async () => {
    const stream = await anthropicClient().messages.create(ANTHROPIC_REQUEST)
    const types: string[] = []
    for await (const event of stream) {
      types.push(event.type)
      if (types.length === 3) stream.controller.abort()
    }
    // The SDK skips `ping` events.
    expect(types).toEqual(['message_start', 'content_block_start', 'content_block_delta'])
  })
})

describe('an abort while a delayed event is pending', () => {
  useCassette('simple_object_streaming', { timing: { eventDelayMs: 60_000 } })

  test('rejects the waiting read at once and leaves no timer', async () => {
    const error = await abortAfter(1, 0)
    expect((error as DOMException).name).toBe('AbortError')
  })
})

describe('an abort before the headers', () => {
  // The recorded answer would take a minute: the abort must end the wait, not outlive it.
  useCassette('simple_object_streaming', { timing: { headersDelayMs: 60_000 } })
  useCassette('anthropic/messages_stream', { timing: { headersDelayMs: 60_000 } })

  test('openai: create() rejects with the SDK abort error', async () => {
    const controller = new AbortController()
    const created = openaiClient().responses.create(SEED_REQUEST, { signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    await expect(created).rejects.toBeInstanceOf(OpenAIAbortError)
  })

  test('anthropic: create() rejects with the SDK abort error', async () => {
    const controller = new AbortController()
    const created = anthropicClient().messages.create(ANTHROPIC_REQUEST, {
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 10)
    await expect(created).rejects.toBeInstanceOf(AnthropicAbortError)
  })
})
