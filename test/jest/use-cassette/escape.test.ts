import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { type Cassette, isCassetteMiss, loadCassette } from 'msw-cassette'
import { withCassette } from 'msw-cassette/jest'

// Taken when the test file loads, before any msw server listens: it is Node's own fetch, which
// msw never patches. Under jest it comes from outside the test file's realm.
const savedFetch = globalThis.fetch

let origin = ''
let connections = 0
let server: Server

beforeAll(async () => {
  server = createServer((_request, response) => response.end('escaped'))
  server.on('connection', () => {
    connections++
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** fixtures/escape/hello.yaml moved onto the counting server. */
function helloOn(url: string): Cassette {
  const cassette = loadCassette('escape/hello')
  return {
    ...cassette,
    interactions: cassette.interactions.map((interaction) => ({
      ...interaction,
      request: {
        ...interaction.request,
        url: interaction.request.url.replace('http://origin.test', url),
      },
    })),
  }
}

test('under jest, a fetch saved before the server started is answered from the cassette', async () => {
  await withCassette(helloOn(origin), { mode: 'replay' }, async () => {
    const response = await savedFetch(`${origin}/hello`)
    expect(await response.json()).toEqual({ hello: 'from the cassette' })
  })
  expect(connections).toBe(0)
})

test('under jest, a miss through a saved fetch is refused and never reaches the server', async () => {
  const outcome = withCassette(helloOn(origin), { mode: 'replay' }, async (handle) => {
    const error = await savedFetch(`${origin}/missing`).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(isCassetteMiss(error)).toBe(true)
    expect(handle.takeMisses()).toHaveLength(1)
  })
  await outcome
  expect(connections).toBe(0)
})
