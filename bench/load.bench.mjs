// Loading cassettes: every corpus cassette (../shared/corpus) parsed from YAML, against the same
// files served by the disk cache of parsed cassettes (warm). Each sample is a fresh process, as a
// vitest worker is, so import time counts too. Interleaved rounds; times are medians with the
// spread, ratios the median of per-round ratios with theirs.
//
// Then one large cassette written here (BENCH_LOAD_BIG interactions, default 100,000, about
// 70 MB): its first load against js-yaml alone, and the heap it keeps per MB of YAML.
//
// Knobs: BENCH_LOAD_ROUNDS (default 5), BENCH_LOAD_BIG (0 skips it). The corpus part skips,
// saying so, when ../shared/corpus is absent.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { machine, median, spread } from './stats.mjs'

const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 5)
const BIG = Number(process.env.BENCH_LOAD_BIG ?? 100_000)
const CORPUS = resolve('..', 'shared', 'corpus')

function cassettes(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

const LOAD_ALL = `
const { loadCassette } = await import(${JSON.stringify(resolve('dist/index.js'))})
const files = JSON.parse(process.env.FILES)
const started = performance.now()
let interactions = 0
for (const file of files) interactions += loadCassette(file).interactions.length
process.stdout.write(JSON.stringify({ ms: performance.now() - started, interactions }))
`

// The yardstick: js-yaml alone reading the same texts (read as Go reads them), nothing else.
const JS_YAML_ALONE = `
const { readFileSync } = await import('node:fs')
const { load, FAILSAFE_SCHEMA, types } = await import('js-yaml')
const schema = FAILSAFE_SCHEMA.extend({ implicit: [types.null], explicit: [types.binary] })
const files = JSON.parse(process.env.FILES)
const started = performance.now()
for (const file of files) {
  try { load(readFileSync(file, 'utf8'), { schema }) } catch {}
}
process.stdout.write(JSON.stringify({ ms: performance.now() - started }))
`

// One file, loaded once, with the heap it keeps after a full collection.
const LOAD_WITH_HEAP = `
const { loadCassette } = await import(${JSON.stringify(resolve('dist/index.js'))})
const [file] = JSON.parse(process.env.FILES)
globalThis.gc()
const before = process.memoryUsage().heapUsed
const started = performance.now()
const cassette = loadCassette(file)
const ms = performance.now() - started
globalThis.gc()
const kept = process.memoryUsage().heapUsed - before
process.stdout.write(JSON.stringify({ ms, kept, interactions: cassette.interactions.length }))
`

/** A go-vcr cassette of `count` chat interactions, in go-vcr's own layout. */
function writeBigCassette(file, count) {
  const lines = ['---', 'version: 2', 'interactions:']
  for (let i = 0; i < count; i++) {
    lines.push(
      `    - id: ${i}`,
      '      request:',
      '        proto: HTTP/1.1',
      '        proto_major: 1',
      '        proto_minor: 1',
      '        content_length: 120',
      `        body: '{"model":"gpt-4o","messages":[{"role":"user","content":"Question number ${i}: what is the capital of country ${i}?"}]}'`,
      '        headers:',
      '            Content-Type:',
      '                - application/json',
      '        url: https://api.example.test/v1/chat',
      '        method: POST',
      '      response:',
      '        proto: HTTP/2.0',
      '        content_length: -1',
      `        body: '{"id":"chatcmpl-${i}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"The capital of country ${i} is City ${i}."}}]}'`,
      '        headers:',
      '            Content-Type:',
      '                - application/json',
      '        status: 200 OK',
      '        code: 200',
      '        duration: 229.655875ms',
    )
  }
  writeFileSync(file, `${lines.join('\n')}\n`)
}

function run(files, cacheSetting, script = LOAD_ALL) {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--input-type=module', '-e', script],
    {
      env: { ...process.env, FILES: JSON.stringify(files), MSW_CASSETTE_CACHE: cacheSetting },
      maxBuffer: 1 << 20,
    },
  )
  return JSON.parse(String(output))
}

function bigCassette() {
  const folder = mkdtempSync(join(tmpdir(), 'msw-cassette-big-'))
  try {
    const file = join(folder, 'big.yaml')
    writeBigCassette(file, BIG)
    const megabytes = statSync(file).size / 1e6
    const yardstick = run([file], '0', JS_YAML_ALONE)
    const loaded = run([file], '0', LOAD_WITH_HEAP)
    console.log(
      `\nload bench, one large cassette: ${loaded.interactions} interactions, ${megabytes.toFixed(1)} MB, first load, one round`,
    )
    console.log(`  js-yaml alone:  ${(yardstick.ms / 1000).toFixed(1)} s (the yardstick)`)
    console.log(
      `  loadCassette:   ${(loaded.ms / 1000).toFixed(1)} s, ${(yardstick.ms / loaded.ms).toFixed(2)}x js-yaml's speed; heap kept ${(loaded.kept / 1e6).toFixed(0)} MB, ${(loaded.kept / 1e6 / megabytes).toFixed(2)} MB per MB of YAML (goal: at most 2)`,
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

console.log(`\nload bench: ${machine()}`)
if (!existsSync(CORPUS)) {
  console.log(`load bench: skipped, ${CORPUS} does not exist`)
} else {
  const files = cassettes(CORPUS)
  const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6
  const cacheDir = mkdtempSync(join(tmpdir(), 'msw-cassette-load-bench-'))
  try {
    const first = run(files, cacheDir) // fills the cache
    const parse = []
    const cached = []
    const yardstick = []
    for (let round = 0; round < ROUNDS; round++) {
      yardstick.push(run(files, '0', JS_YAML_ALONE).ms)
      parse.push(run(files, '0').ms)
      cached.push(run(files, cacheDir).ms)
    }
    console.log(
      `\nload bench: ${files.length} corpus cassettes, ${megabytes.toFixed(1)} MB, ${first.interactions} interactions; ${ROUNDS} interleaved rounds, a fresh process each`,
    )
    console.log(
      `  js-yaml alone:     ${median(yardstick).toFixed(0)} ms (${spread(yardstick)}), ${(megabytes / (median(yardstick) / 1000)).toFixed(1)} MB/s (the yardstick)`,
    )
    // Ratios are taken per round, against the yardstick of that same round, so a drift of the
    // machine's speed between rounds cancels out.
    const speed = parse.map((ms, round) => yardstick[round] / ms)
    const cacheShare = cached.map((ms, round) => ms / parse[round])
    console.log(
      `  loadCassette:      ${median(parse).toFixed(0)} ms (${spread(parse)}), ${(megabytes / (median(parse) / 1000)).toFixed(1)} MB/s, ${median(speed).toFixed(2)}x js-yaml's speed (${spread(speed, 2)}; no disk cache)`,
    )
    console.log(
      `  disk cache (warm): ${median(cached).toFixed(0)} ms (${spread(cached)}), ${median(cacheShare).toFixed(2)}x the parse (${spread(cacheShare, 2)})`,
    )
  } finally {
    rmSync(cacheDir, { recursive: true, force: true })
  }
}

if (BIG > 0) bigCassette()
