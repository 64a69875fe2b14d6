// Time per request through msw: a hand-written handler (the floor) against msw-cassette with
// 1, 1,000 and 10,000 interactions, plus the seed SSE stream against a hand-written stream.
// Cases run interleaved, round after round, so drift (GC, JIT, CPU clock) hits all of them
// alike; each case reports its median round and, as a check on a busy machine, its best round. Run with `npm run bench` (it builds dist first).
//
// Knobs: BENCH_ROUNDS (default 15), BENCH_ITERATIONS per round (default 200), BENCH_WARMUP
// (default 500 requests per case).

import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { fromCassette, loadCassette } from '../dist/index.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500)

const URL = 'https://api.example.test/v1/chat'
const REQUEST_HEADERS = { 'content-type': 'application/json', authorization: 'Bearer sk-test' }

/** A chat request of realistic size (about 1 kB), distinct per interaction. */
function requestBody(i) {
  return JSON.stringify({
    model: 'gpt-4o',
    temperature: 0.2,
    max_tokens: 512,
    messages: [
      { role: 'system', content: 'You are a terse assistant. Answer in one sentence. '.repeat(6) },
      { role: 'user', content: `Question number ${i}: what is the capital of country ${i}?` },
    ],
    metadata: { request_id: `req-${i}`, tags: ['bench', 'replay'] },
  })
}

/** A chat completion of realistic size (about 600 bytes). */
function responseBody(i) {
  return JSON.stringify({
    id: `chatcmpl-${i}`,
    object: 'chat.completion',
    created: 1_700_000_000 + i,
    model: 'gpt-4o-2024-08-06',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: `The capital of country ${i} is City ${i}.` },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 12, total_tokens: 132 },
    system_fingerprint: 'fp_0123456789',
  })
}

const RESPONSE_HEADERS = {
  'Content-Type': ['application/json'],
  'X-Request-Id': ['req_0123456789abcdef'],
  'Openai-Processing-Ms': ['412'],
  'Set-Cookie': ['__cf_bm=abc; path=/; HttpOnly', '_cfuvid=def; path=/'],
  'Content-Length': ['600'],
}

/** A cassette built in memory, as `validateCassette` would return it. */
function makeCassette(size) {
  const interactions = []
  for (let index = 0; index < size; index++) {
    interactions.push({
      id: index,
      index,
      request: {
        method: 'POST',
        url: URL,
        body: requestBody(index),
        headers: { 'Content-Type': ['application/json'] },
        extra: {},
      },
      response: {
        code: 200,
        status: '200 OK',
        body: responseBody(index),
        headers: RESPONSE_HEADERS,
        durationMs: 0,
        uncompressed: false,
        extra: {},
      },
    })
  }
  return { path: `<memory: ${size} interactions>`, version: 2, interactions }
}

/** The floor's headers, built once: what msw-cassette sends for the same interaction. */
function floorHeaders() {
  const pairs = []
  for (const [name, values] of Object.entries(RESPONSE_HEADERS)) {
    if (name.toLowerCase() === 'content-length') continue
    for (const value of values) pairs.push([name, value])
  }
  return pairs
}

function jsonCase(name, handlers, target) {
  const body = requestBody(target)
  const expected = responseBody(target)
  return {
    name,
    handlers,
    floor: 'floor (hand-written handler)',
    async request() {
      const response = await fetch(URL, { method: 'POST', headers: REQUEST_HEADERS, body })
      const text = await response.text()
      if (text !== expected) throw new Error(`${name}: unexpected body ${text.slice(0, 80)}`)
    },
  }
}

function buildCases() {
  const cases = []
  const floorTarget = 0
  const floorBody = responseBody(floorTarget)
  const headers = floorHeaders()
  const floor = jsonCase(
    'floor (hand-written handler)',
    [http.post(URL, () => new Response(floorBody, { headers }))],
    floorTarget,
  )
  cases.push(floor)
  // Not a goal, a yardstick: what reading the request body (as any body matcher must, from a
  // clone) costs a hand-written handler, without any lookup.
  cases.push(
    jsonCase(
      'floor + await request.clone().arrayBuffer()',
      [
        http.post(URL, async ({ request }) => {
          await request.clone().arrayBuffer()
          return new Response(floorBody, { headers })
        }),
      ],
      floorTarget,
    ),
  )
  for (const [size, where] of [
    [1, 'end'],
    [1_000, 'middle'],
    [1_000, 'end'],
    [10_000, 'middle'],
    [10_000, 'end'],
  ]) {
    const started = process.hrtime.bigint()
    const handlers = fromCassette(makeCassette(size), { allowRepeats: true })
    const setupMs = Number(process.hrtime.bigint() - started) / 1e6
    const target = where === 'end' ? size - 1 : Math.floor(size / 2)
    const label = `msw-cassette, ${size.toLocaleString('en-US')} interaction${size === 1 ? '' : 's'} (${where})`
    cases.push({ ...jsonCase(label, handlers, target), setupMs })
  }

  // The seed SSE stream: 21 events, one chunk each, against a handler streaming the same chunks.
  const seed = loadCassette('simple_object_streaming', { dir: 'fixtures' })
  const recorded = seed.interactions[0]
  const sseUrl = recorded.request.url
  const sseBody = recorded.request.body
  const sseText = recorded.response.body
  const events = sseText.split(/(?<=\n\n)/)
  const encoder = new TextEncoder()
  const sseChunks = events.map((event) => encoder.encode(event))
  const sseRequest = (name) => async () => {
    const response = await fetch(sseUrl, {
      method: 'POST',
      headers: REQUEST_HEADERS,
      body: sseBody,
    })
    const text = await response.text()
    if (text !== sseText) throw new Error(`${name}: unexpected stream`)
  }
  const sseFloor = 'floor (hand-written SSE stream)'
  cases.push({
    name: sseFloor,
    floor: sseFloor,
    handlers: [
      http.post(sseUrl, () => {
        let next = 0
        const stream = new ReadableStream(
          {
            pull(controller) {
              controller.enqueue(sseChunks[next++])
              if (next >= sseChunks.length) controller.close()
            },
          },
          { highWaterMark: 0 },
        )
        return new HttpResponse(stream, {
          headers: { 'content-type': 'text/event-stream; charset=utf-8' },
        })
      }),
    ],
    request: sseRequest(sseFloor),
  })
  const seedName = `msw-cassette, seed SSE (${sseChunks.length} events)`
  cases.push({
    name: seedName,
    floor: sseFloor,
    handlers: fromCassette(seed, { allowRepeats: true }),
    request: sseRequest(seedName),
  })
  // A miss explains itself: against 1 interaction (the floor) and against 10,000 of the same
  // method and host, every one a candidate. Fewer iterations: a miss costs milliseconds.
  const missFloor = 'miss floor: 1 interaction'
  for (const [name, size] of [
    [missFloor, 1],
    ['miss, 10,000 interactions (same method and host)', 10_000],
  ]) {
    const handlers = fromCassette(makeCassette(size))
    const body = requestBody(1_000_000)
    cases.push({
      name,
      floor: missFloor,
      handlers,
      iterations: 10,
      async request() {
        const error = await fetch(URL, { method: 'POST', headers: REQUEST_HEADERS, body }).then(
          () => undefined,
          (reason) => reason.cause ?? reason,
        )
        if (error?.code !== 'ERR_CASSETTE_UNMATCHED') throw new Error(`${name}: expected a miss`)
        handlers.takeMisses()
      },
    })
  }
  return cases
}

async function runRound(server, item, iterations) {
  server.resetHandlers(...item.handlers)
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) await item.request()
  return Number(process.hrtime.bigint() - started) / 1e3 / iterations
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function main() {
  const server = setupServer()
  server.listen({ onUnhandledRequest: 'error' })
  try {
    const cases = buildCases()
    // msw 2 prints every error a handler throws; the misses here are on purpose.
    const printError = console.error
    console.error = () => {}
    for (const item of cases) await runRound(server, item, item.iterations ?? WARMUP)
    const samples = new Map(cases.map((item) => [item.name, []]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const item of cases)
        samples.get(item.name).push(await runRound(server, item, item.iterations ?? ITERATIONS))
    }
    console.error = printError
    const stat = (name, pick) => pick(samples.get(name))
    const best = (values) => Math.min(...values)
    const rows = cases.map((item) => {
      const us = stat(item.name, median)
      const fastest = stat(item.name, best)
      return {
        case: item.name,
        'µs/request': us.toFixed(1),
        ratio: `${(us / stat(item.floor, median)).toFixed(2)}x`,
        'best round µs': fastest.toFixed(1),
        'best ratio': `${(fastest / stat(item.floor, best)).toFixed(2)}x`,
      }
    })
    console.log(
      `msw-cassette replay bench: node ${process.version}, ${ROUNDS} rounds x ${ITERATIONS} requests per case (median and best round), ${WARMUP} warm-up requests; ratios are to the floor`,
    )
    printTable(rows)
    const setups = cases.filter((item) => item.setupMs !== undefined)
    console.log(
      `\nfromCassette() setup (index build): ${setups.map((item) => `${item.name.replace('msw-cassette, ', '')}: ${item.setupMs.toFixed(1)} ms`).join('; ')}`,
    )
    console.log('Goal (issue #2): 1.10x the floor or better.')
  } finally {
    server.close()
  }
}

function printTable(rows) {
  const columns = Object.keys(rows[0])
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
  )
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  console.log(line(columns))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))))
}

await main()
