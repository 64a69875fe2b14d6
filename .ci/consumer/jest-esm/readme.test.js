// The README's jest examples in a native-ESM jest project, against the installed package.
import { expect, test } from '@jest/globals'
import { CassetteError, configure, resetConfiguration, UnmatchedRequestError } from 'msw-cassette'
import { useCassette, withCassette } from 'msw-cassette/jest'

const handle = useCassette('simple_object_streaming')

test('streams the answer, one SSE event per chunk', async () => {
  const [interaction] = handle.cassette.interactions
  const response = await fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    body: interaction.request.body,
  })
  const chunks = []
  const decoder = new TextDecoder()
  for await (const chunk of response.body) chunks.push(decoder.decode(chunk))
  expect(chunks).toHaveLength(21)
  expect(chunks.join('')).toBe(interaction.response.body)
})

test('withCassette, with configure({ dir }) from msw-cassette', async () => {
  configure({ dir: 'fixtures/concurrent' })
  try {
    await withCassette('tenant-04', { mode: 'replay' }, async () => {
      const response = await fetch('https://api.example.test/whoami')
      expect(await response.json()).toEqual({ tenant: 'tenant-04' })
    })
  } finally {
    resetConfiguration()
  }
})

test('a miss is an UnmatchedRequestError, a CassetteError', async () => {
  await fetch('https://api.example.test/not-recorded').catch(() => undefined)
  const [miss] = handle.takeMisses()
  expect(miss.error).toBeInstanceOf(UnmatchedRequestError)
  expect(miss.error).toBeInstanceOf(CassetteError)
})
