// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://api.openai.com/" }
import { useCassette } from 'msw-cassette/vitest'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { readChunks } from '../support/client.js'

// Chat UIs are tested in DOM environments; a replayed stream must not rely on Node-only
// scheduling there (jsdom and browsers have no `setImmediate`).
// The page's origin is the API's: happy-dom's own fetch (which msw 3 sees, at the socket) would
// otherwise send a CORS preflight (OPTIONS) first, and the cassette holds none (README Traps).
// vitest keeps Node's timers in DOM environments; take `setImmediate` away, as a browser has none.
beforeAll(() => {
  vi.stubGlobal('setImmediate', undefined)
})
afterAll(() => {
  vi.unstubAllGlobals()
})
const cassette = useCassette('simple_object_streaming')
const recorded = cassette.cassette.interactions[0]

describe('a replayed SSE stream under happy-dom', () => {
  test('runs in a DOM environment', () => {
    expect(typeof document).toBe('object')
  })

  test('streams the 21 events one per read', async () => {
    const response = await fetch('https://api.openai.com/v1/responses', {
      method: 'POST',
      body: recorded?.request.body as string,
    })
    const chunks = await readChunks(response)
    expect(chunks).toHaveLength(21)
    expect(chunks.join('')).toBe(recorded?.response.body)
  })
})
