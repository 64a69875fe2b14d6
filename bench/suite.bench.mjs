// A suite of many test files, each replaying one corpus cassette with `useCassette`, against
// the same files answered by hand-written msw handlers (`http.all(url, () => new Response(...))`
// per interaction): the whole `vitest run`, wall clock, interleaved rounds.
//
// Knobs: BENCH_SUITE_FILES (default 40; the figure uses 200), BENCH_SUITE_ROUNDS
// (default 3). Skips, saying so, when ../shared/corpus is absent. Generated files go to
// scratch/ (git-ignored), inside the package so `msw-cassette` resolves to dist/.

import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadCassette } from '../dist/index.js'
import { machine, median, spread } from './stats.mjs'

const FILES = Number(process.env.BENCH_SUITE_FILES ?? 40)
const ROUNDS = Number(process.env.BENCH_SUITE_ROUNDS ?? 3)
const CORPUS = resolve('..', 'shared', 'corpus')
const ROOT = resolve('scratch', 'suite-bench')
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])

/** Interactions a plain fetch can replay: standard methods, text bodies, replayable statuses. */
function playable(cassette) {
  return cassette.interactions.every((interaction) => {
    const { request, response } = interaction
    const bodyless = request.method === 'GET' || request.method === 'DELETE'
    return (
      METHODS.has(request.method) &&
      typeof request.body === 'string' &&
      (!bodyless || request.body === '') &&
      typeof response.body === 'string' &&
      response.code >= 200 &&
      response.code <= 599 &&
      ![204, 205, 304].includes(response.code)
    )
  })
}

function pickCassettes() {
  const picked = []
  const files = readdirSync(CORPUS, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  for (const file of files) {
    if (picked.length === FILES) break
    try {
      const cassette = loadCassette(file)
      if (cassette.interactions.length > 0 && playable(cassette)) picked.push(cassette)
    } catch {
      // Cassettes the reader refuses are other tests' business.
    }
  }
  return picked
}

function requestsCode(cassette) {
  return cassette.interactions
    .map(({ request }) => {
      const init = { method: request.method, redirect: 'manual' }
      if (request.body !== '') {
        init.body = request.body
        const type = Object.entries(request.headers).find(
          ([name]) => name.toLowerCase() === 'content-type',
        )
        if (type) init.headers = { 'content-type': type[1][0] }
      }
      return `  await (await fetch(${JSON.stringify(request.url)}, ${JSON.stringify(init)})).text()`
    })
    .join('\n')
}

function writeSuite(cassettes) {
  rmSync(ROOT, { recursive: true, force: true })
  // Installed as users have it, under node_modules: vitest then loads it with Node's own import,
  // once per worker, instead of transforming it as a source file of the project.
  // Its own package.json, or `msw-cassette` would resolve to this repository by self-reference.
  mkdirSync(ROOT, { recursive: true })
  writeFileSync(
    join(ROOT, 'package.json'),
    '{ "name": "suite-bench", "private": true, "type": "module" }\n',
  )
  const installed = join(ROOT, 'node_modules', 'msw-cassette')
  mkdirSync(installed, { recursive: true })
  cpSync('dist', join(installed, 'dist'), { recursive: true })
  cpSync('package.json', join(installed, 'package.json'))
  for (const kind of ['cassette', 'handwritten']) {
    mkdirSync(join(ROOT, kind), { recursive: true })
    // Its own config, so the repository's (aliases to src/, its include list) is not used.
    writeFileSync(
      join(ROOT, kind, 'vitest.config.mjs'),
      "export default { test: { include: ['*.test.js'], onConsoleLog: () => false } }\n",
    )
  }
  cassettes.forEach((cassette, at) => {
    const name = `t${String(at).padStart(3, '0')}.test.js`
    writeFileSync(
      join(ROOT, 'cassette', name),
      `import { useCassette } from 'msw-cassette/vitest'
import { test } from 'vitest'
useCassette(${JSON.stringify(cassette.path)}, { allowRepeats: true })
test('replays', async () => {
${requestsCode(cassette)}
})
`,
    )
    const handlers = cassette.interactions
      .map(({ request, response }) => {
        const headers = Object.entries(response.headers)
          .filter(
            ([key]) =>
              !['content-length', 'transfer-encoding', 'content-encoding'].includes(
                key.toLowerCase(),
              ),
          )
          .flatMap(([key, values]) => values.map((value) => [key, value]))
        return `  http.all(${JSON.stringify(request.url.split('?')[0])}, () => new Response(${JSON.stringify(response.body)}, { status: ${response.code}, headers: ${JSON.stringify(headers)} })),`
      })
      .join('\n')
    writeFileSync(
      join(ROOT, 'handwritten', name),
      `import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, test } from 'vitest'
const server = setupServer(
${handlers}
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
test('replays', async () => {
${requestsCode(cassette)}
})
`,
    )
  })
}

function runSuite(kind) {
  const started = performance.now()
  execFileSync(
    process.execPath,
    [
      resolve('node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      join(ROOT, kind),
      '--config',
      join(ROOT, kind, 'vitest.config.mjs'),
      '--reporter=dot',
    ],
    { stdio: 'pipe', env: { ...process.env, CI: 'true' } },
  )
  return performance.now() - started
}

if (!existsSync(CORPUS)) {
  console.log(`suite bench: skipped, ${CORPUS} does not exist`)
} else {
  const cassettes = pickCassettes()
  writeSuite(cassettes)
  const interactions = cassettes.reduce((sum, cassette) => sum + cassette.interactions.length, 0)
  runSuite('cassette') // warms the disk cache of parsed cassettes, as any earlier run would
  const handwritten = []
  const withCassettes = []
  for (let round = 0; round < ROUNDS; round++) {
    handwritten.push(runSuite('handwritten'))
    withCassettes.push(runSuite('cassette'))
  }
  const ratios = withCassettes.map((ms, at) => ms / (handwritten[at] ?? ms))
  console.log(
    `\nsuite bench: ${machine()}; ${cassettes.length} test files, ${interactions} interactions, \`vitest run\`, ${ROUNDS} interleaved rounds`,
  )
  const seconds = (values) => values.map((ms) => ms / 1000)
  console.log(
    `  hand-written handlers: ${median(seconds(handwritten)).toFixed(1)} s (${spread(seconds(handwritten), 1)})`,
  )
  console.log(
    `  useCassette:           ${median(seconds(withCassettes)).toFixed(1)} s (${spread(seconds(withCassettes), 1)}), ${median(ratios).toFixed(2)}x (rounds ${spread(ratios, 2)})`,
  )
  rmSync(ROOT, { recursive: true, force: true })
}
