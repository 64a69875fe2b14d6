import { createRequire } from 'node:module'
import * as root from 'msw-cassette'
import { UnmatchedRequestError } from 'msw-cassette'
import * as vitestEntry from 'msw-cassette/vitest'
import { useCassette } from 'msw-cassette/vitest'
import { describe, expect, test } from 'vitest'
import { failure, readChunks } from '../support/client.js'

const require = createRequire(import.meta.url)

describe('the built package, imported through its exports map', () => {
  test('resolves to dist/, not to the sources', () => {
    expect(require.resolve('msw-cassette')).toMatch(/\/dist\/index\.cjs$/)
    expect(import.meta.resolve('msw-cassette')).toMatch(/\/dist\/index\.js$/)
    expect(import.meta.resolve('msw-cassette/vitest')).toMatch(/\/dist\/vitest\.js$/)
    expect(import.meta.resolve('msw-cassette/jest')).toMatch(/\/dist\/jest\.js$/)
  })

  test('exports exactly what the README documents', () => {
    expect(Object.keys(root).sort()).toEqual([
      'CassetteError',
      'CassetteFormatError',
      'CassetteNotFoundError',
      'CassetteOptionsError',
      'CassetteRecordError',
      'UnmatchedRequestError',
      'UnusedInteractionsError',
      'configure',
      'findCassetteMiss',
      'fromCassette',
      'isCassetteMiss',
      'loadCassette',
      'releaseResponseCopies',
      'resetConfiguration',
      'resolveMode',
      'withCassette',
      'writeCassette',
    ])
    expect(Object.keys(vitestEntry).sort()).toEqual(['useCassette', 'withCassette'])
  })
})

describe('useCassette from the built package replays the seed', () => {
  const seed = useCassette('simple_object_streaming')

  test('one SSE event per read, byte for byte', async () => {
    const response = await fetch('https://api.openai.com/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await seedRequestBody()),
    })
    expect(response.status).toBe(200)
    const chunks = await readChunks(response)
    expect(chunks).toHaveLength(21)
    for (const chunk of chunks) expect(chunk).toMatch(/^event: [a-z_.]+\ndata: .*\n\n$/)
  })

  test('a request the cassette lacks fails with the exported error class', async () => {
    const error = await failure(fetch('https://api.openai.com/v1/models'))
    expect(error).toBeInstanceOf(UnmatchedRequestError)
    expect(error).toMatchObject({ code: 'ERR_CASSETTE_UNMATCHED' })
    expect(error?.message).toContain('cassette: fixtures/simple_object_streaming.yaml')
    // The miss is expected here; taken, so the after-hook does not fail the test for it.
    expect(seed.takeMisses()).toHaveLength(1)
  })
})

async function seedRequestBody(): Promise<unknown> {
  const { loadCassette } = await import('msw-cassette')
  const [first] = loadCassette('simple_object_streaming').interactions
  return JSON.parse(String(first?.request.body))
}
