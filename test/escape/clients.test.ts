import http, { request as namedHttpRequest } from 'node:http'
import https, { request as namedHttpsRequest } from 'node:https'
import { Writable } from 'node:stream'
import axios from 'axios'
import got from 'got'
import ky from 'ky'
import { findCassetteMiss, isCassetteMiss } from 'msw-cassette'
import { useCassette } from 'msw-cassette/vitest'
import nodeFetch3 from 'node-fetch'
import nodeFetch2 from 'node-fetch-2'
import { ofetch } from 'ofetch'
import superagent from 'superagent'
import { fetch as undiciFetch, request as undiciRequest, stream as undiciStream } from 'undici'
import { afterAll, describe, expect, test } from 'vitest'
import {
  ANTHROPIC_REQUEST,
  anthropicClient,
  chunksOf,
  openaiClient,
  SEED_REQUEST,
} from '../streams/sdk.js'
import { cassetteOn, startCountingOrigin } from './counting-origin.js'

// Taken at module top level, before useCassette's server starts listening: they hold Node's
// original fetch, which msw 2 never sees.
const savedFetch = globalThis.fetch
const origin = await startCountingOrigin()
const ORIGIN = origin.url
const HTTPS_ORIGIN = ORIGIN.replace('http:', 'https:')
const topOpenAI = openaiClient({ baseURL: `${ORIGIN}/v1` })
const topAnthropic = anthropicClient({ baseURL: ORIGIN })

afterAll(() => origin.close())

/** Sends GET `url` with a node:http-style `request` function; resolves to the body text. */
function viaRequest(send: typeof http.request, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = send(url, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => resolve(text))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Every client, as `GET url -> body text`. */
const CLIENTS: Record<string, (url: string) => Promise<string>> = {
  'global fetch': async (url) => (await fetch(url)).text(),
  'fetch saved before listen': async (url) => (await savedFetch(url)).text(),
  'node:http request': (url) => viaRequest(http.request, url),
  'node:http named import': (url) => viaRequest(namedHttpRequest, url),
  axios: async (url) => (await axios.get<string>(url, { responseType: 'text' })).data,
  got: (url) => got(url, { retry: { limit: 0 } }).text(),
  ky: (url) => ky(url, { retry: 0 }).text(),
  'node-fetch 2': async (url) => (await nodeFetch2(url)).text(),
  'node-fetch 3': async (url) => (await nodeFetch3(url)).text(),
  superagent: async (url) => (await superagent.get(url).buffer(true)).text,
  ofetch: (url) => ofetch<string, 'text'>(url, { responseType: 'text', retry: 0 }),
  'undici fetch': async (url) => (await undiciFetch(url)).text(),
  'undici request': async (url) => (await undiciRequest(url)).body.text(),
  'undici stream': async (url) => {
    let text = ''
    await undiciStream(
      url,
      { method: 'GET' },
      () =>
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            text += chunk.toString('utf8')
            done()
          },
        }),
    )
    return text
  },
}

describe('replay: no client reaches the network', () => {
  const handle = useCassette(cassetteOn(ORIGIN), { allowRepeats: true, mode: 'replay' })

  for (const [name, get] of Object.entries(CLIENTS)) {
    test(`${name}: answered from the cassette, 0 hits`, async () => {
      expect(JSON.parse(await get(`${ORIGIN}/hello`))).toEqual({ hello: 'from the cassette' })
      expect(origin.connections).toBe(0)
    })

    test(`${name}: a miss is refused with the cassette's error and counted, 0 hits`, async () => {
      const error = await get(`${ORIGIN}/nowhere`).then(
        () => undefined,
        (reason: unknown) => reason,
      )
      expect(isCassetteMiss(error)).toBe(true)
      expect(findCassetteMiss(error)?.message).toContain(`GET ${ORIGIN}/nowhere`)
      expect(handle.takeMisses().map((miss) => miss.request.url.pathname)).toEqual(['/nowhere'])
      expect(origin.connections).toBe(0)
    })
  }

  test('node:https named import: answered from the cassette, 0 hits', async () => {
    const body = await viaRequest(namedHttpsRequest, `${HTTPS_ORIGIN}/hello`)
    expect(JSON.parse(body)).toEqual({ hello: 'from the cassette' })
    expect(await viaRequest(https.request, `${HTTPS_ORIGIN}/hello`)).toContain('cassette')
    expect(origin.connections).toBe(0)
  })

  test('undici fetch streams the seed one SSE event per read, 0 hits', async () => {
    const response = await undiciFetch(`${ORIGIN}/v1/responses`, {
      method: 'POST',
      body: JSON.stringify(SEED_REQUEST),
    })
    const chunks: string[] = []
    for await (const chunk of chunksOf(response.body as ReadableStream<Uint8Array>)) {
      chunks.push(Buffer.from(chunk).toString('utf8'))
    }
    expect(chunks).toHaveLength(21)
    for (const chunk of chunks) expect(chunk).toMatch(/^event: [a-z_.]+\ndata: .*\n\n$/)
    expect(origin.connections).toBe(0)
  })

  test('openai client created at module top level: streamed from the cassette, 0 hits', async () => {
    const stream = await topOpenAI.responses.create(SEED_REQUEST)
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types).toHaveLength(21)
    expect(types.at(-1)).toBe('response.completed')
    expect(origin.connections).toBe(0)
  })

  test('anthropic client created at module top level: streamed from the cassette, 0 hits', async () => {
    const stream = await topAnthropic.messages.create(ANTHROPIC_REQUEST)
    const text: string[] = []
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        text.push(event.delta.text)
      }
    }
    expect(text.join('')).toBe('Hi there!')
    expect(origin.connections).toBe(0)
  })

  test('openai client created at module top level: break and abort settle', async () => {
    const stream = await topOpenAI.responses.create(SEED_REQUEST)
    for await (const _event of stream) break
    const aborted = await topOpenAI.responses.create(SEED_REQUEST)
    const types: string[] = []
    for await (const event of aborted) {
      types.push(event.type)
      if (types.length === 3) aborted.controller.abort()
    }
    expect(types).toHaveLength(3)
    expect(origin.connections).toBe(0)
  })

  test('undici fetch: an abort after the headers rejects the next read with an AbortError', async () => {
    const controller = new AbortController()
    const response = await undiciFetch(`${ORIGIN}/v1/responses`, {
      method: 'POST',
      body: JSON.stringify(SEED_REQUEST),
      signal: controller.signal,
    })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    controller.abort()
    const error = await reader.read().then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect((error as Error).name).toBe('AbortError')
    expect(origin.connections).toBe(0)
  })
})
