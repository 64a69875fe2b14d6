import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCassette, writeCassette } from 'msw-cassette'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Origin, startOrigin, tempDir } from '../record/origin.js'

const CHILD = new URL('./record-child.mjs', import.meta.url).pathname
let origin: Origin
const temp = tempDir()

beforeAll(async () => {
  origin = await startOrigin((request, response) => response.end(`answer ${request.url}`))
})
afterAll(async () => {
  await origin.close()
  temp.remove()
})

/** Runs a recording process to its end; resolves to what it printed, rejects on failure. */
function record(name: string, mode: string, worker: string, go: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CHILD, origin.url, temp.dir, name, mode, worker, '15', go],
      { env: { ...process.env, MSW_CASSETTE_MODE: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk))
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err))))
  })
}

async function twoWriters(name: string, mode: string, hits: number): Promise<string[]> {
  const go = join(temp.dir, `${name}.go`)
  const both = Promise.all([record(name, mode, 'a', go), record(name, mode, 'b', go)])
  // Both have recorded everything when the origin has seen every request.
  while (origin.hits.length < hits) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  writeFileSync(go, '')
  await both
  origin.hits.length = 0
  return loadCassette(join(temp.dir, `${name}.yaml`)).interactions.map(
    (interaction) => new URL(interaction.request.url).pathname,
  )
}

const expected = (prefix: string[]) =>
  [
    ...prefix,
    ...['a', 'b'].flatMap((worker) => Array.from({ length: 15 }, (_, n) => `/${worker}/${n}`)),
  ].sort()

test('two processes recording the same missing cassette both keep every interaction', {
  timeout: 60_000,
}, async () => {
  expect((await twoWriters('fresh', 'once', 30)).sort()).toEqual(expected([]))
})

test('two new-episodes processes appending to one cassette keep every interaction', {
  timeout: 60_000,
}, async () => {
  const seed = loadCassette(join(temp.dir, 'fresh.yaml')).interactions.slice(0, 1)
  writeCassette(join(temp.dir, 'appended.yaml'), seed)
  const paths = await twoWriters('appended', 'new-episodes', 29)
  expect(paths[0]).toBe(new URL(seed[0]?.request.url ?? '').pathname)
  // Worker a replays the seed (/a/0) instead of recording it again.
  expect(paths.sort()).toEqual(expected([]))
})
