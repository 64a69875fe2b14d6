import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { setupServer } from 'msw/node'
import {
  CassetteFormatError,
  CassetteOptionsError,
  CassetteRecordError,
  fromCassette,
  loadCassette,
  writeCassette,
} from 'msw-cassette'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { listenStrictly } from '../support/client.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

let origin: Origin
const temp = tempDir()
const server = setupServer()

beforeAll(async () => {
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  origin = await startOrigin((_, response) => response.end('ok'))
  listenStrictly(server)
})
afterAll(async () => {
  server.close()
  await origin.close()
  temp.remove()
  vi.unstubAllEnvs()
})

test.each([
  ['../../etc/passwd', 'resolves outside `dir`'],
  ['a/../../escape', 'resolves outside `dir`'],
  ['', 'must not be empty'],
])('the name %j is refused in a recording mode', (name, words) => {
  const error = (() => {
    try {
      fromCassette(name, { dir: join(temp.dir, 'fixtures'), mode: 'record' })
    } catch (caught) {
      return caught
    }
  })()
  expect(error).toBeInstanceOf(CassetteOptionsError)
  expect(error).toMatchObject({ code: 'ERR_CASSETTE_OPTIONS' })
  expect((error as Error).message).toContain(words)
})

test('a name of 240 characters records', async () => {
  const name = 'n'.repeat(240)
  const handlers = fromCassette(name, { dir: temp.dir, mode: 'record' })
  server.use(...handlers)
  try {
    expect(await (await fetch(`${origin.url}/long`)).text()).toBe('ok')
    expect(await handlers.save()).toBe(true)
  } finally {
    server.resetHandlers()
  }
  expect(existsSync(join(temp.dir, `${name}.yaml`))).toBe(true)
})

test('temporary and lock files are recognisable, and a later write removes those of dead writers', () => {
  const folder = join(temp.dir, 'orphans')
  writeCassette(join(folder, 'first.yaml'), [])
  // pids above the kernel's limit never run: this is a writer that was killed.
  const orphan = join(folder, '.msw-cassette-999999999-0badf00d.tmp')
  const live = join(folder, `.msw-cassette-${process.pid}-0a0b0c0d.tmp`)
  writeFileSync(orphan, 'half a cassette')
  writeFileSync(live, 'being written')
  writeFileSync(join(folder, '.msw-cassette-0123456789abcdef.lock'), `999999999\n${hostname()}\n`)
  writeCassette(join(folder, 'second.yaml'), [])
  expect(readdirSync(folder).sort()).toEqual([
    `.msw-cassette-${process.pid}-0a0b0c0d.tmp`,
    'first.yaml',
    'second.yaml',
  ])
})

test('the YAML alias guard stays on: a file of aliases fails fast as a format error', () => {
  const path = join(temp.dir, 'aliases.yaml')
  const refs = Array.from({ length: 2_000 }, () => '*a').join(', ')
  writeFileSync(path, `version: 2\nx: &a [1, 2, 3]\ninteractions: []\ny: [${refs}]\n`)
  const error = (() => {
    try {
      loadCassette(path)
    } catch (caught) {
      return caught
    }
  })()
  expect(error).toBeInstanceOf(CassetteFormatError)
  expect(error).toMatchObject({ code: 'ERR_CASSETTE_SYNTAX' })
  expect((error as Error).message).toContain('alias')
})

test('a YAML file that is not a cassette is never overwritten', async () => {
  const path = join(temp.dir, 'config.yaml')
  writeFileSync(path, 'database:\n  host: localhost\n')
  const handlers = fromCassette('config', { dir: temp.dir, mode: 'record' })
  server.use(...handlers)
  try {
    await (await fetch(`${origin.url}/x`)).text()
    const error = await handlers.save().then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(CassetteRecordError)
    expect(error).toMatchObject({ code: 'ERR_CASSETTE_RECORD' })
    expect((error as Error).message).toContain('is not a cassette')
  } finally {
    server.resetHandlers()
  }
  expect(readFileSync(path, 'utf8')).toBe('database:\n  host: localhost\n')
})
