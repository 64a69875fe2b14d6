import { useCassette } from 'msw-cassette/vitest'
import { expect, test } from 'vitest'

useCassette('explain/chat')

test('code under test swallows the failed request', async () => {
  // A retry loop that gives up quietly: the test body itself never sees the failure.
  let answer: unknown
  for (let attempt = 0; attempt < 2 && answer === undefined; attempt++) {
    answer = await fetch('https://api.openai.com/v1/jobs/7')
      .then((response) => response.json())
      .catch(() => undefined)
  }
  expect(answer).toBeUndefined()
})

test('a later test of the same file passes', async () => {
  expect(await (await fetch('https://api.openai.com/v1/jobs/42')).json()).toEqual({
    status: 'pending',
  })
})
