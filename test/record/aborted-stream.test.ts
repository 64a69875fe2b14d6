import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupServer } from 'msw/node'
import { CassetteRecordError, fromCassette } from 'msw-cassette'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { listenStrictly } from '../support/client.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

const EVENTS = 10
let origin: Origin
const temp = tempDir()
const server = setupServer()

beforeAll(async () => {
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  // Ten SSE events, one every few milliseconds, as a model streams an answer; `/broken`
  // drops the connection after three.
  origin = await startOrigin((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    let sent = 0
    const timer = setInterval(() => {
      if (request.url === '/broken' && sent === 3) {
        clearInterval(timer)
        response.destroy()
        return
      }
      response.write(`data: {"n":${sent}}\n\n`)
      sent++
      if (sent === EVENTS) {
        clearInterval(timer)
        response.end()
      }
    }, 5)
  })
  listenStrictly(server)
})
afterAll(async () => {
  server.close()
  await origin.close()
  temp.remove()
  vi.unstubAllEnvs()
})

/** Reads the first event, then aborts the request. (A cancelled reader: record-stream.test.ts.) */
async function readOneThen(stop: 'abort', path = '/stream'): Promise<void> {
  const controller = new AbortController()
  const response = await fetch(`${origin.url}${path}`, { signal: controller.signal })
  await response.body?.getReader().read()
  if (stop === 'abort') controller.abort()
}

test.each(['abort'] as const)('a stream the client %ss mid-way is recorded whole', async (stop) => {
  const handlers = fromCassette(`cut-${stop}`, { dir: temp.dir, mode: 'record' })
  server.use(...handlers)
  try {
    await readOneThen(stop)
    expect(await handlers.save()).toBe(true)
  } finally {
    server.resetHandlers()
  }
  const file = readFileSync(join(temp.dir, `cut-${stop}.yaml`), 'utf8')
  for (let n = 0; n < EVENTS; n++) expect(file).toContain(`data: {"n":${n}}`)
})

test('a stream the server breaks fails the save naming the request, keeping no file', async () => {
  const handlers = fromCassette('cut-broken', { dir: temp.dir, mode: 'record' })
  server.use(...handlers)
  try {
    await readOneThen('abort', '/broken')
    const error = await handlers.save().then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(CassetteRecordError)
    expect(error).toMatchObject({ code: 'ERR_CASSETTE_RECORD' })
    expect((error as Error).message).toContain(`GET ${origin.url}/broken: the response broke off`)
  } finally {
    server.resetHandlers()
  }
})
