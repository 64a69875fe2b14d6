import { readFileSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import axios from 'axios'
import { type Cassette, loadCassette, withCassette } from 'msw-cassette'
import nodeFetch from 'node-fetch'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Origin, startOrigin, tempDir } from './origin.js'

// A request body sent as a stream has no Content-Length: it goes out chunked. Recording used to
// pass the client's hop-by-hop headers (`Transfer-Encoding`, `Connection`) on to fetch, which
// refused them: "invalid transfer-encoding header".
let origin: Origin
const temp = tempDir()
const BODY = '{"question":"streamed"}'

beforeAll(async () => {
  origin = await startOrigin((request, response, body) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(
      JSON.stringify({ got: body.toString('utf8'), chunked: request.headers['transfer-encoding'] }),
    )
  })
})
afterAll(async () => {
  await origin.close()
  temp.remove()
})

function postChunked(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () => resolve(text))
      },
    )
    req.on('error', reject)
    // Two writes and no Content-Length: node:http sends the body chunked.
    req.write(BODY.slice(0, 10))
    req.end(BODY.slice(10))
  })
}

const streamOf = () => Readable.from([BODY.slice(0, 10), BODY.slice(10)])

const CLIENTS: Record<string, (url: string) => Promise<string>> = {
  'node:http without Content-Length': postChunked,
  'node-fetch 3 with a Readable body': async (url) =>
    (await nodeFetch(url, { method: 'POST', body: streamOf() })).text(),
  'axios with a stream body': async (url) =>
    JSON.stringify((await axios.post(url, streamOf())).data),
}

describe('recording a streamed request body', () => {
  for (const [name, post] of Object.entries(CLIENTS)) {
    test(`${name}: recorded, body and content_length as go-vcr writes them`, async () => {
      const cassette = name.replace(/[^a-z0-9]+/gi, '-')
      await withCassette(cassette, { dir: temp.dir, mode: 'record' }, async () => {
        expect(JSON.parse(await post(`${origin.url}/ask`)).got).toBe(BODY)
      })
      const recorded: Cassette = loadCassette(join(temp.dir, `${cassette}.yaml`))
      const request = recorded.interactions[0]?.request
      expect(request?.body).toBe(BODY)
      expect(request?.extra.content_length).toBe(Buffer.byteLength(BODY))
      // Go keeps Transfer-Encoding and Connection out of the header map.
      expect(Object.keys(request?.headers ?? {})).not.toContain('Transfer-Encoding')
      expect(Object.keys(request?.headers ?? {})).not.toContain('Connection')
      expect(readFileSync(join(temp.dir, `${cassette}.yaml`), 'utf8')).toContain('method: POST')

      await withCassette(cassette, { dir: temp.dir, mode: 'replay' }, async () => {
        expect(JSON.parse(await post(`${origin.url}/ask`)).got).toBe(BODY)
      })
    })
  }
})
