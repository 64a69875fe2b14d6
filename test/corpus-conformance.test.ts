import { existsSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { setupServer } from 'msw/node'
import { fromCassette, type Interaction, loadCassette } from 'msw-cassette'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { listenStrictly } from './support/client.js'

// The corpus of real go-vcr cassettes lives beside the project, never inside it. A fresh clone
// without it still passes: the test is skipped and says so.
const CORPUS = resolve(process.cwd(), '../shared/corpus')
const present = existsSync(CORPUS)
if (!present) console.log(`corpus conformance: skipped, ${CORPUS} is not there`)

// Headers a client computes itself; sending the recorded ones would be refused or wrong.
const CLIENT_OWNED = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
])

function cassettes(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return cassettes(path)
    return /\.ya?ml$/.test(entry.name) ? [path] : []
  })
}

function requestInit(interaction: Interaction): RequestInit {
  const headers = new Headers()
  for (const [name, values] of Object.entries(interaction.request.headers)) {
    if (CLIENT_OWNED.has(name.toLowerCase())) continue
    for (const value of values) {
      try {
        headers.append(name, value)
      } catch {
        // A value fetch refuses (raw non-ASCII) cannot be sent by a JS client either.
      }
    }
  }
  const { body } = interaction.request
  const method = interaction.request.method.toUpperCase()
  const sendsBody = method !== 'GET' && method !== 'HEAD' && body.length > 0
  // Each recorded hop of a redirect chain is its own interaction, replayed in turn.
  return {
    method: interaction.request.method,
    headers,
    redirect: 'manual',
    ...(sendsBody ? { body: typeof body === 'string' ? body : new Uint8Array(body) } : {}),
  }
}

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body
}

const server = setupServer()
beforeAll(() => listenStrictly(server))
afterAll(() => server.close())

test.skipIf(!present)(
  'every corpus cassette loads and replays each interaction byte for byte',
  { timeout: 600_000 },
  async () => {
    const files = cassettes(CORPUS)
    const counts = { cassettes: 0, interactions: 0, streamed: 0, binary: 0, skippedGetWithBody: 0 }
    const failures: string[] = []
    for (const file of files) {
      const cassette = loadCassette(file)
      counts.cassettes++
      const handlers = fromCassette(cassette)
      server.use(...handlers)
      for (const interaction of cassette.interactions) {
        const method = interaction.request.method.toUpperCase()
        if ((method === 'GET' || method === 'HEAD') && interaction.request.body.length > 0) {
          // fetch cannot send a body with GET/HEAD; such a recording is only reachable from Go.
          counts.skippedGetWithBody++
          continue
        }
        const where = `${relative(CORPUS, file)} #${interaction.id} ${method} ${interaction.request.url}`
        try {
          const response = await fetch(interaction.request.url, requestInit(interaction))
          const expected = method === 'HEAD' ? new Uint8Array() : bytesOf(interaction.response.body)
          let chunks = 0
          const received: Uint8Array[] = []
          const reader = response.body?.getReader()
          for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
            chunks++
            received.push(read.value)
          }
          const actual = Buffer.concat(received)
          if (response.status !== interaction.response.code)
            failures.push(
              `${where}: status ${response.status}, recorded ${interaction.response.code}`,
            )
          else if (!actual.equals(expected))
            failures.push(
              `${where}: body differs (${actual.byteLength} bytes, recorded ${expected.byteLength})`,
            )
          counts.interactions++
          if (chunks > 1) counts.streamed++
          if (interaction.response.body instanceof Uint8Array) counts.binary++
        } catch (error) {
          failures.push(`${where}: ${(error as Error).message.split('\n')[0]}`)
        }
      }
      server.resetHandlers()
    }
    console.log(
      `corpus conformance: ${counts.cassettes} cassettes, ${counts.interactions} interactions replayed byte-identical ` +
        `(${counts.streamed} streamed in several chunks, ${counts.binary} binary bodies), ` +
        `${counts.skippedGetWithBody} GET/HEAD recordings with a body skipped, ${failures.length} failures`,
    )
    expect(failures.slice(0, 20)).toEqual([])
  },
)
