// Loading cassettes: every corpus cassette (../shared/corpus) parsed from YAML, against the same
// files served by the disk cache of parsed cassettes (warm). Each sample is a fresh process, as a
// vitest worker is, so import time counts too. Interleaved rounds; medians with the spread.
//
// Knobs: BENCH_LOAD_ROUNDS (default 5). Skips, saying so, when ../shared/corpus is absent.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { median, spread } from './stats.mjs'

const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 5)
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
const { load, FAILSAFE_SCHEMA, nullCoreTag, binaryTag } = await import('js-yaml')
const schema = FAILSAFE_SCHEMA.withTags(nullCoreTag, binaryTag)
const files = JSON.parse(process.env.FILES)
const started = performance.now()
for (const file of files) {
  try { load(readFileSync(file, 'utf8'), { schema }) } catch {}
}
process.stdout.write(JSON.stringify({ ms: performance.now() - started }))
`

function run(files, cacheSetting, script = LOAD_ALL) {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, FILES: JSON.stringify(files), MSW_CASSETTE_CACHE: cacheSetting },
    maxBuffer: 1 << 20,
  })
  return JSON.parse(String(output))
}

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
    console.log(
      `  loadCassette:      ${median(parse).toFixed(0)} ms (${spread(parse)}), ${(megabytes / (median(parse) / 1000)).toFixed(1)} MB/s, ${(median(yardstick) / median(parse)).toFixed(2)}x js-yaml's speed (no disk cache)`,
    )
    console.log(
      `  disk cache (warm): ${median(cached).toFixed(0)} ms (${spread(cached)}), ${(median(cached) / median(parse)).toFixed(2)}x the parse`,
    )
  } finally {
    rmSync(cacheDir, { recursive: true, force: true })
  }
}
