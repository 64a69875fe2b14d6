import { useCassette } from 'msw-cassette/vitest'
import { expect, test } from 'vitest'

useCassette('explain/chat', { strict: true })

test('requests only one of six recordings', async () => {
  expect(await (await fetch('https://api.openai.com/v1/jobs/42')).json()).toEqual({
    status: 'pending',
  })
})
