import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import axios from 'axios'
import { setupServer } from 'msw/node'
import { type CassetteHandlers, fromCassette } from 'msw-cassette'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { listenStrictly } from '../support/client.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

const EVENTS = ['data: {"n":1}\n\n', 'data: {"n":2}\n\n', 'data: {"n":3}\n\n', 'data: [DONE]\n\n']
const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x41, 0xc3, 0x28, 0x0a, 0x0d])
const JSON_ANSWER = '{"id":"chat-1","choices":[{"text":"hello"}]}'
const LONG_TEXT = 'line one\nline two with trailing space \n\n  indented\n'

const log: string[] = []
// The server holds back the rest of the stream until the client has seen the first event
// (or, should the first event never arrive, until its fallback timer fires, so the test fails
// on the order below instead of hanging).
let firstSeen: () => void = () => {}
const clientSawFirst = new Promise<void>((resolve) => {
  firstSeen = resolve
})

let origin: Origin
const temp = tempDir()
const server = setupServer()

beforeAll(async () => {
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  origin = await startOrigin((request, response, body) => {
    const path = request.url ?? ''
    if (path === '/v1/stream') {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' })
      response.write(EVENTS[0])
      const fallback = new Promise((resolve) => setTimeout(resolve, 5000))
      void Promise.race([clientSawFirst, fallback]).then(() => {
        for (const event of EVENTS.slice(1)) response.write(event)
        log.push('server sent the last event')
        response.end()
      })
    } else if (path === '/v1/chat') {
      const answer = JSON_ANSWER.replace('hello', JSON.parse(body.toString()).say)
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(answer),
        'x-request-id': 'r-1',
      })
      response.end(answer)
    } else if (path === '/image.bin') {
      response.writeHead(200, { 'content-type': 'application/octet-stream' })
      response.end(BINARY)
    } else if (path === '/text.txt.gz') {
      const zipped = gzipSync(LONG_TEXT)
      response.writeHead(200, {
        'content-type': 'text/plain',
        'content-encoding': 'gzip',
        'content-length': zipped.byteLength,
      })
      response.end(zipped)
    } else if (path === '/missing') {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end('{"error":"no such thing"}')
    } else if (path === '/boom') {
      response.writeHead(503, 'Slow Down', { 'content-type': 'text/plain', 'retry-after': '1' })
      response.end('try later')
    } else if (path === '/moved') {
      response.writeHead(302, { location: '/landing' })
      response.end()
    } else if (path === '/landing') {
      response.end('landed')
    } else if (path === '/empty') {
      response.writeHead(204)
      response.end()
    } else {
      response.writeHead(500)
      response.end()
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

/** Every request the round trip makes, and what the client got. */
async function exercise(base: string) {
  const stream = await fetch(`${base}/v1/stream`)
  const reader = stream.body?.getReader()
  if (!reader) throw new Error('no body')
  const decoder = new TextDecoder()
  let streamed = ''
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    if (streamed === '') {
      log.push('client saw the first event')
      firstSeen()
    }
    streamed += decoder.decode(read.value, { stream: true })
  }
  const chat = await fetch(`${base}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ say: 'hi', model: 'm-1' }),
  })
  const binary = await fetch(`${base}/image.bin`)
  const gzip = await fetch(`${base}/text.txt.gz`)
  const missing = await fetch(`${base}/missing`)
  const boom = await fetch(`${base}/boom`)
  const empty = await fetch(`${base}/empty`, { method: 'DELETE' })
  // The client follows the redirect itself: two requests, two interactions.
  const moved = await fetch(`${base}/moved`)
  // A node:http client goes through msw's other interceptor.
  const viaHttp = await axios.post<string>(
    `${base}/v1/chat`,
    { say: 'axios', model: 'm-1' },
    { adapter: 'http', responseType: 'text' },
  )
  return {
    stream: { status: stream.status, type: stream.headers.get('content-type'), body: streamed },
    chat: { status: chat.status, id: chat.headers.get('x-request-id'), body: await chat.text() },
    binary: { status: binary.status, body: new Uint8Array(await binary.arrayBuffer()) },
    gzip: {
      status: gzip.status,
      encoding: gzip.headers.get('content-encoding'),
      body: await gzip.text(),
    },
    missing: { status: missing.status, body: await missing.text() },
    boom: { status: boom.status, statusText: boom.statusText, body: await boom.text() },
    empty: { status: empty.status, body: await empty.text() },
    moved: { status: moved.status, redirected: moved.redirected, body: await moved.text() },
    viaHttp: { status: viaHttp.status, body: viaHttp.data },
  }
}

describe('recording from a live server, then replaying offline', () => {
  let live: Awaited<ReturnType<typeof exercise>>
  let handlers: CassetteHandlers
  let file: string

  beforeAll(async () => {
    // The 2-space layout, asked for by name; go-vcr's own is tested on its golden files.
    handlers = fromCassette('roundtrip', { dir: temp.dir, mode: 'record', layout: 'compact' })
    server.use(...handlers)
    live = await exercise(origin.url)
    expect(await handlers.save()).toBe(true)
    server.resetHandlers()
    file = readFileSync(join(temp.dir, 'roundtrip.yaml'), 'utf8')
  })

  test('the client sees the first SSE event before the server sends the last', () => {
    expect(log).toEqual(['client saw the first event', 'server sent the last event'])
    expect(live.stream.body).toBe(EVENTS.join(''))
  })

  test('the client gets every response as the server sent it', () => {
    expect(live.chat).toEqual({ status: 200, id: 'r-1', body: JSON_ANSWER.replace('hello', 'hi') })
    expect(live.binary.body).toEqual(new Uint8Array(BINARY))
    expect(live.gzip).toEqual({ status: 200, encoding: null, body: LONG_TEXT })
    expect(live.missing.status).toBe(404)
    expect(live.boom).toEqual({ status: 503, statusText: 'Slow Down', body: 'try later' })
    expect(live.empty).toEqual({ status: 204, body: '' })
    expect(live.moved).toEqual({ status: 200, redirected: true, body: 'landed' })
    expect(live.viaHttp).toEqual({ status: 200, body: JSON_ANSWER.replace('hello', 'axios') })
  })

  test('writes go-vcr version 2, every field in go-vcr order', () => {
    expect(file.startsWith('---\nversion: 2\ninteractions:\n- id: 0\n  request:\n')).toBe(true)
    const ids = [...file.matchAll(/^- id: (\d+)$/gm)].map((match) => Number(match[1]))
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(file).toContain('    status: 302 Found')
    // The POST (id 1): a request with a body and headers, a response with a length.
    const chat = file.split('\n- id: 1\n')[1]?.split('\n- id: 2\n')[0] ?? ''
    const [request = '', response = ''] = chat.split('\n  response:\n')
    const keys = (section: string) =>
      [...section.matchAll(/^ {4}([a-z_]+):/gm)].map((match) => match[1])
    expect(keys(request)).toEqual([
      'proto',
      'proto_major',
      'proto_minor',
      'content_length',
      'host',
      'body',
      'headers',
      'url',
      'method',
    ])
    expect(keys(response)).toEqual([
      'proto',
      'proto_major',
      'proto_minor',
      'content_length',
      'body',
      'headers',
      'status',
      'code',
      'duration',
    ])
    // The SSE answer (id 0) is chunked, which go-vcr keeps beside the headers.
    const sse = file.split('\n- id: 1\n')[0]?.split('\n  response:\n')[1] ?? ''
    expect(sse).toContain('    transfer_encoding:\n    - chunked\n')
    expect(keys(sse)).toEqual([
      'proto',
      'proto_major',
      'proto_minor',
      'transfer_encoding',
      'content_length',
      'body',
      'headers',
      'status',
      'code',
      'duration',
      // msw-cassette's extension, after go-vcr's keys (see test/timing/record-times.test.ts).
      'event_times',
    ])
    expect(file).toMatch(/^ {4}duration: \d+(\.\d+)?(ns|µs|ms|s)$/m)
  })

  test('stores bodies readably: literal blocks, !!binary, decoded gzip', () => {
    expect(file).toContain('    body: |+\n      data: {"n":1}\n\n      data: {"n":2}\n')
    expect(file).toContain('    body: \'{"say":"hi","model":"m-1"}\'')
    expect(file).toContain('    body: !!binary')
    // A space before a line break rules out a literal block in yaml.v3: double-quoted, as Go does.
    expect(file).toContain(
      'uncompressed: true\n    body: "line one\\nline two with trailing space \\n\\n  indented\\n"\n',
    )
    expect(file).not.toMatch(/Content-Encoding/)
    expect(file).toContain('    status: 404 Not Found')
    expect(file).toContain('    status: 503 Slow Down')
    expect(file).toContain('      Content-Type:\n      - text/event-stream; charset=utf-8')
    // Quoted as Go's yaml.v3 quotes text that would read as a number.
    expect(file).toContain('      Retry-After:\n      - "1"')
    expect(file).toContain('    content_length: 41\n    body: \'{"id":"chat-1"')
  })

  test('replays offline with the same statuses and bytes', async () => {
    await origin.close()
    const replay = fromCassette('roundtrip', { dir: temp.dir, mode: 'replay' })
    server.use(...replay)
    const replayed = await exercise(origin.url)
    expect(replayed).toEqual(live)
    expect(replay.unused()).toEqual([])
  })
})
