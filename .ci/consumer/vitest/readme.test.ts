// The README's vitest examples, against the installed package.

import { CassetteError, configure, resetConfiguration, UnmatchedRequestError } from 'msw-cassette'
import { useCassette, withCassette } from 'msw-cassette/vitest'
import { describe, expect, test } from 'vitest'

const handle = useCassette('simple_object_streaming')

test('streams the answer, one SSE event per chunk', async () => {
  const body = handle.cassette.interactions[0]?.request.body
  const response = await fetch('https://api.openai.com/v1/responses', { method: 'POST', body })
  const chunks: string[] = []
  const decoder = new TextDecoder()
  for await (const chunk of response.body as ReadableStream<Uint8Array>)
    chunks.push(decoder.decode(chunk))
  expect(chunks).toHaveLength(21)
  expect(chunks.join('')).toBe(handle.cassette.interactions[0]?.response.body)
})

describe('with another recording', () => {
  const tenant = useCassette('concurrent/tenant-01')
  test('the inner cassette answers', async () => {
    expect(tenant.cassette.interactions).toHaveLength(2)
    expect(await (await fetch('https://api.example.test/whoami')).json()).toEqual({
      tenant: 'tenant-01',
    })
  })
})

test.concurrent('withCassette per concurrent test', () =>
  withCassette('concurrent/tenant-02', async () => {
    expect(await (await fetch('https://api.example.test/whoami')).json()).toEqual({
      tenant: 'tenant-02',
    })
  }))

test('configure({ dir }) from msw-cassette reaches msw-cassette/vitest', async () => {
  configure({ dir: 'fixtures/concurrent' })
  try {
    await withCassette('tenant-04', { mode: 'replay' }, async () => {
      expect(await (await fetch('https://api.example.test/whoami')).json()).toEqual({
        tenant: 'tenant-04',
      })
    })
  } finally {
    resetConfiguration()
  }
})

test('a miss is an UnmatchedRequestError, a CassetteError', async () => {
  await fetch('https://api.example.test/not-recorded').catch(() => undefined)
  const [miss] = handle.takeMisses()
  expect(miss?.error).toBeInstanceOf(UnmatchedRequestError)
  expect(miss?.error).toBeInstanceOf(CassetteError)
})
