/** @jest-environment jest-fixed-jsdom */
import { expect, test } from '@jest/globals'
import { useCassette } from 'msw-cassette/jest'
import { readChunks, seed } from '../stream-helpers.js'

// msw's recommended jsdom setup. jsdom has no `setImmediate`: reading a replayed stream used to
// throw `ReferenceError: setImmediate is not defined` here.
const { requestBody, responseBody } = seed()
useCassette('simple_object_streaming')

test('runs under jsdom, without setImmediate', () => {
  expect(typeof document).toBe('object')
  expect(typeof (globalThis as { setImmediate?: unknown }).setImmediate).toBe('undefined')
})

test('fetch reads the recorded stream, 21 events, one per read', async () => {
  const response = await fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    body: requestBody,
  })
  const chunks = await readChunks(response)
  expect(chunks).toHaveLength(21)
  expect(chunks.join('')).toBe(responseBody)
})
