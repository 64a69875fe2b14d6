import https from 'node:https'
import axios from 'axios'
import { UnmatchedRequestError } from 'msw-cassette'
import { useCassette } from 'msw-cassette/vitest'
import nodeFetch from 'node-fetch'
import { describe, expect, test } from 'vitest'
import { failure, readChunks } from './support/client.js'

const URL = 'https://api.openai.com/v1/responses'

const cassette = useCassette('simple_object_streaming')
const recorded = cassette.cassette.interactions[0]
if (!recorded || typeof recorded.request.body !== 'string') throw new Error('seed cassette changed')
const recordedBody = recorded.request.body
const recordedResponse = recorded.response.body as string

function deltas(chunks: string[]): string {
  return chunks
    .map((chunk) => /^data: (.*)$/m.exec(chunk)?.[1])
    .filter((data): data is string => data !== undefined)
    .map((data) => JSON.parse(data) as { type: string; delta?: string })
    .filter((event) => event.type === 'response.output_text.delta')
    .map((event) => event.delta)
    .join('')
}

/** The same JSON with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reverseKeys(item)]),
  )
}

describe('the seed cassette through fetch', () => {
  test('streams the 21 recorded SSE events one chunk each', async () => {
    const response = await fetch(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: recordedBody,
    })
    expect(response.status).toBe(200)
    expect(response.statusText).toBe('OK')
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const chunks = await readChunks(response)
    expect(chunks).toHaveLength(21)
    for (const chunk of chunks) expect(chunk).toMatch(/^event: [a-z_.]+\ndata: .*\n\n$/)
    expect(chunks.join('')).toBe(recordedResponse)
    expect(deltas(chunks)).toBe('{"age":30,"city":"Paris","name":"Alice"}')
  })

  test('matches the same JSON body with its keys in another order', async () => {
    const reordered = JSON.stringify(reverseKeys(JSON.parse(recordedBody)))
    expect(reordered).not.toBe(recordedBody)
    const response = await fetch(URL, { method: 'POST', body: reordered })
    expect(deltas(await readChunks(response))).toBe('{"age":30,"city":"Paris","name":"Alice"}')
  })

  test('a different body fails at the call, naming the cassette and the request', async () => {
    const other = JSON.stringify({ ...JSON.parse(recordedBody), model: 'gpt-4o-mini' })
    const error = await failure(fetch(URL, { method: 'POST', body: other }))
    expect(error).toBeInstanceOf(UnmatchedRequestError)
    const message = (error as Error).message
    expect(message).toContain('fixtures/simple_object_streaming.yaml')
    expect(message).toContain(`POST ${URL}`)
    expect(message).toContain('not sent to the network')
    // The miss is also kept for the after-hook, which would fail this test; it was expected here.
    expect(cassette.takeMisses()).toHaveLength(1)
  })

  test('a second identical request says the only match was already used', async () => {
    await readChunks(await fetch(URL, { method: 'POST', body: recordedBody }))
    const error = await failure(fetch(URL, { method: 'POST', body: recordedBody }))
    expect(error?.message).toContain('already used')
    expect(error?.message).toContain('allowRepeats')
    cassette.takeMisses()
  })
})

describe('the seed cassette through node:http', () => {
  test('an https.request client receives the same stream', async () => {
    const received = await new Promise<{
      status: number | undefined
      type: string | undefined
      chunks: string[]
    }>((resolve, reject) => {
      // `https.request` is read at call time: msw patches the module's function when it starts.
      const req = https.request(
        URL,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          const chunks: string[] = []
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => chunks.push(chunk))
          res.on('end', () =>
            resolve({ status: res.statusCode, type: res.headers['content-type'], chunks }),
          )
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(recordedBody)
    })
    expect(received.status).toBe(200)
    expect(received.type).toBe('text/event-stream; charset=utf-8')
    expect(received.chunks.join('')).toBe(recordedResponse)
    expect(deltas(received.chunks.join('').split(/(?<=\n\n)/))).toBe(
      '{"age":30,"city":"Paris","name":"Alice"}',
    )
  })

  test('node-fetch (over node:http) streams the recorded events', async () => {
    const response = await nodeFetch(URL, { method: 'POST', body: recordedBody })
    expect(response.status).toBe(200)
    let text = ''
    for await (const chunk of response.body ?? []) text += String(chunk)
    expect(text).toBe(recordedResponse)
  })

  test('axios (node:http adapter) receives the recorded stream', async () => {
    const response = await axios.post<string>(URL, JSON.parse(recordedBody), {
      responseType: 'text',
      adapter: 'http',
    })
    expect(response.status).toBe(200)
    expect(response.data).toBe(recordedResponse)
  })
})
