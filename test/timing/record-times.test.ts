import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupServer } from 'msw/node'
import { fromCassette, loadCassette } from 'msw-cassette'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { parse } from 'yaml'
import { type Origin, startOrigin, tempDir } from '../record/origin.js'
import { listenStrictly } from '../support/client.js'

const GO_DURATION = /^\d+(\.\d+)?(ns|µs|ms|s)$/
const GAP_MS = 60

// The third SSE event waits until the client has the second, then GAP_MS more: its arrival
// is at least GAP_MS after the second's however loaded the machine is.
let sawSecond: () => void = () => {}
let secondSeen = Promise.resolve()
// The same for a plain chunked body: its second piece waits until the client has the first.
let sawFirstPart: () => void = () => {}
let firstPartSeen = Promise.resolve()

let origin: Origin
const temp = tempDir()
const server = setupServer()

beforeAll(async () => {
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  origin = await startOrigin((request, response) => {
    if (request.url === '/sse') {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      // Two events in one write arrive together; the third comes a known gap later.
      response.write('data: 1\n\ndata: 2\n\n')
      void secondSeen.then(() =>
        setTimeout(() => {
          response.write('data: 3\n\n')
          response.end('data: [DONE]\n\n')
        }, GAP_MS),
      )
    } else if (request.url === '/chunked') {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.write('part one\n')
      void firstPartSeen.then(() => setTimeout(() => response.end('part two!\n'), GAP_MS))
    } else if (request.url === '/ndjson') {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' })
      response.write('{"n":1}\n')
      setTimeout(() => response.end('{"n":2}\n'), GAP_MS)
    } else {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end('{"ok":true}')
    }
  })
  listenStrictly(server)
})

afterAll(async () => {
  server.close()
  await origin.close()
  temp.remove()
  vi.unstubAllEnvs()
})

/** Records `paths` into a new cassette with the given options; returns the file's path. */
async function record(name: string, paths: string[], faults = {}): Promise<string> {
  const path = join(temp.dir, `${name}.yaml`)
  const handlers = fromCassette(path, { mode: 'record', ...faults })
  server.use(...handlers)
  try {
    secondSeen = new Promise((resolve) => {
      sawSecond = resolve
    })
    firstPartSeen = new Promise((resolve) => {
      sawFirstPart = resolve
    })
    for (const path of paths) {
      const reader = (await fetch(`${origin.url}${path}`)).body?.getReader()
      let text = ''
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
        text += new TextDecoder().decode(read.value)
        if (text.includes('data: 2\n\n')) sawSecond()
        if (text.includes('part one\n')) sawFirstPart()
      }
    }
    expect(await handlers.save()).toBe(true)
  } finally {
    server.resetHandlers()
  }
  return path
}

describe('recording per-event timing', () => {
  test('stores when each SSE event and NDJSON line arrived, after the headers', async () => {
    const path = await record('timed', ['/sse', '/ndjson', '/json'])
    const file = parse(readFileSync(path, 'utf8')) as {
      interactions: { response: Record<string, unknown> }[]
    }
    const [sse, ndjson, json] = file.interactions.map((interaction) => interaction.response)
    const times = sse?.event_times as string[]
    expect(times).toHaveLength(4)
    for (const time of times) expect(time).toMatch(GO_DURATION)
    const ms = loadCassette(path).interactions.map((interaction) => interaction.response)
    expect(ms[0]?.extra.event_times).toEqual(times)
    // Written after go-vcr's own keys, so Go's decoder, which skips unknown keys, reads it.
    expect(Object.keys(sse ?? {}).slice(-2)).toEqual(['duration', 'event_times'])
    expect(ndjson?.event_times).toHaveLength(2)
    expect(json?.event_times).toBeUndefined()
  })

  test('events that arrived together share a time; a later write comes the gap later', async () => {
    const path = await record('gaps', ['/sse'])
    const [interaction] = loadCassette(path).interactions
    const recorded = (interaction?.response.extra.event_times ?? []) as string[]
    const times = recorded.map((text) => {
      const value = Number.parseFloat(text)
      if (text.endsWith('ms')) return value
      if (text.endsWith('µs')) return value / 1000
      return text.endsWith('s') ? value * 1000 : Number.NaN
    })
    const [first, second, third] = times
    expect(second).toBe(first)
    // The server sent the third event GAP_MS after the client had the second.
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(GAP_MS - 5)
  })

  test('a recording run applies no fault, so none is recorded', async () => {
    const path = await record('no-faults', ['/sse'], {
      faults: [
        { status: 503, times: 'all' },
        { cutAfter: 1, times: 'all' },
      ],
    })
    const [interaction] = loadCassette(path).interactions
    expect(interaction?.response.code).toBe(200)
    expect(interaction?.response.body).toBe('data: 1\n\ndata: 2\n\ndata: 3\n\ndata: [DONE]\n\n')
  })

  test('a plain body that came in pieces keeps each piece and its time, and replays in them', async () => {
    const path = await record('pieces', ['/chunked'])
    const [interaction] = loadCassette(path).interactions
    expect(interaction?.response.body).toBe('part one\npart two!\n')
    const times = interaction?.response.extra.event_times as string[]
    expect(times).toHaveLength(2)
    for (const time of times) expect(time).toMatch(GO_DURATION)
    expect(interaction?.response.extra.event_sizes).toEqual(['9', '10'])
    server.use(...fromCassette(path, { mode: 'replay' }))
    try {
      const reader = (await fetch(`${origin.url}/chunked`)).body?.getReader()
      const pieces: string[] = []
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
        pieces.push(new TextDecoder().decode(read.value))
      }
      expect(pieces).toEqual(['part one\n', 'part two!\n'])
    } finally {
      server.resetHandlers()
    }
  })
})
