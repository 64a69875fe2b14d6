import { expect, test } from '@jest/globals'
import { readChunks, seed, textDeltas } from '../stream-helpers.js'
import { handlers } from './setup.js'

const { requestBody, responseBody } = seed()

test('replays the seed stream event by event from a setup file', async () => {
  const response = await fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    body: requestBody,
  })
  const chunks = await readChunks(response)
  expect(chunks).toHaveLength(21)
  expect(chunks.join('')).toBe(responseBody)
  expect(textDeltas(chunks.join(''))).toBe('{"age":30,"city":"Paris","name":"Alice"}')
})

test('the cassette is fresh again in the next test', async () => {
  const response = await fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    body: requestBody,
  })
  expect(await response.text()).toBe(responseBody)
})

test('an unrecorded request fails at the call and names the cassette', async () => {
  const error = await fetch('https://api.openai.com/v1/models').then(
    () => undefined,
    // msw 3 wraps the handler's error as the `cause` of undici's TypeError; msw 2 rejects with it.
    (reason: { cause?: unknown }) => reason.cause ?? reason,
  )
  expect(String(error)).toMatch(
    /cassette: fixtures\/simple_object_streaming\.yaml\n {2}request: {2}GET https:\/\/api\.openai\.com\/v1\/models/,
  )
  // Expected here; the setup file's afterEach would fail the test on it otherwise.
  expect(handlers.takeMisses()).toHaveLength(1)
})
