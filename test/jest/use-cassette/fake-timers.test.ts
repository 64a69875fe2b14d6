import { afterEach, expect, jest, test } from '@jest/globals'
import { useCassette } from 'msw-cassette/jest'
import { readChunks, seed } from '../stream-helpers.js'

const { requestBody } = seed()
useCassette('simple_object_streaming')

afterEach(() => {
  jest.useRealTimers()
})

// jest's fake timers fake `process.nextTick` and `queueMicrotask` by default. An instant replay
// waits on no timer, so it must stream to the end without the test advancing time.
test("jest's default fake timers: the seed streams to the end, one event per read", async () => {
  jest.useFakeTimers()
  const response = await fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    body: requestBody,
  })
  const chunks = await readChunks(response)
  expect(chunks).toHaveLength(21)
})
