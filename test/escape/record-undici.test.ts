import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { withCassette } from 'msw-cassette'
import { request as undiciRequest } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Origin, startOrigin, tempDir } from '../record/origin.js'

// undici's own `request` never passes msw: the dispatcher records it like any other request.
let origin: Origin
const temp = tempDir()
const savedFetch = globalThis.fetch

beforeAll(async () => {
  origin = await startOrigin((request, response, body) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ path: request.url, got: body.toString('utf8') }))
  })
})
afterAll(async () => {
  await origin.close()
  temp.remove()
})

test('undici request and a saved fetch are recorded in mode record, then replayed offline', async () => {
  const options = { dir: temp.dir, mode: 'record' as const }
  await withCassette('undici', options, async () => {
    const live = await undiciRequest(`${origin.url}/a`, { method: 'POST', body: '{"n":1}' })
    expect(await live.body.json()).toEqual({ path: '/a', got: '{"n":1}' })
    expect(await (await savedFetch(`${origin.url}/b`)).json()).toEqual({ path: '/b', got: '' })
  })
  expect(origin.hits).toEqual(['POST /a', 'GET /b'])
  const written = readFileSync(join(temp.dir, 'undici.yaml'), 'utf8')
  expect(written).toContain(`url: ${origin.url}/a`)
  expect(written).toContain(`url: ${origin.url}/b`)

  await withCassette('undici', { dir: temp.dir, mode: 'replay' }, async () => {
    const replayed = await undiciRequest(`${origin.url}/a`, { method: 'POST', body: '{"n":1}' })
    expect(await replayed.body.json()).toEqual({ path: '/a', got: '{"n":1}' })
    expect(await (await savedFetch(`${origin.url}/b`)).json()).toEqual({ path: '/b', got: '' })
  })
  expect(origin.hits).toEqual(['POST /a', 'GET /b'])
})
