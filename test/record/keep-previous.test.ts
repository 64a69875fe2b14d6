import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { useCassette } from 'msw-cassette/vitest'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { createUseCassette, type RunnerHooks } from '../../src/runner/use-cassette.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

const OLD = '---\nversion: 2\ninteractions: []\n'
const temp = tempDir()
const fileOf = (name: string) => join(temp.dir, `${name}.yaml`)
// Written while the file is collected, so the cassettes exist before any hook runs.
for (const name of ['failing', 'vitest-failing', 'passing']) writeFileSync(fileOf(name), OLD)

let origin: Origin
beforeAll(async () => {
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  origin = await startOrigin((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' })
    response.end('fresh')
  })
})
afterAll(async () => {
  await origin.close()
  temp.remove()
  vi.unstubAllEnvs()
})

/** A test runner of our own: runs the hooks `useCassette` registers, as vitest or jest would. */
function fakeRunner() {
  const hooks = {
    beforeAll: [] as (() => void)[],
    afterAll: [] as (() => void | Promise<void>)[],
    beforeEach: [] as (() => void)[],
    afterEach: [] as ((...args: unknown[]) => void)[],
  }
  const runner: RunnerHooks = {
    beforeAll: (fn) => hooks.beforeAll.push(fn),
    afterAll: (fn) => hooks.afterAll.push(fn),
    beforeEach: (fn) => hooks.beforeEach.push(fn),
    afterEach: (fn) => hooks.afterEach.push(fn),
  }
  return {
    useCassette: createUseCassette(runner),
    start: () => {
      for (const fn of hooks.beforeAll) fn()
    },
    /** Runs a test; `context` is what the runner hands `afterEach` (vitest: the test context). */
    test: async (body: () => Promise<void>, context?: unknown) => {
      for (const fn of hooks.beforeEach) fn()
      await body()
      for (const fn of hooks.afterEach) fn(context)
    },
    finish: async () => {
      for (const fn of hooks.afterAll) await fn()
    },
  }
}

const fail = (name: string) => ({ task: { name, result: { state: 'fail' } } })
const pass = (name: string) => ({ task: { name, result: { state: 'pass' } } })

describe('when a cassette is written', () => {
  test('a failed test leaves the previous cassette as it was, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const runner = fakeRunner()
    runner.useCassette('failing', { dir: temp.dir, mode: 'record' })
    runner.start()
    await runner.test(async () => {
      expect(await (await fetch(`${origin.url}/x`)).text()).toBe('fresh')
    }, pass('first'))
    await runner.test(async () => {
      await fetch(`${origin.url}/y`)
    }, fail('asks for y'))
    await runner.finish()
    expect(readFileSync(fileOf('failing'), 'utf8')).toBe(OLD)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the test "asks for y" failed'))
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('previous cassette'))
    warn.mockRestore()
  })

  test('at the end of the block, when every test passed', async () => {
    const runner = fakeRunner()
    runner.useCassette('passing', { dir: temp.dir, mode: 'record' })
    runner.start()
    await runner.test(async () => {
      await (await fetch(`${origin.url}/x`)).text()
    }, pass('first'))
    expect(readFileSync(fileOf('passing'), 'utf8')).toBe(OLD)
    await runner.finish()
    expect(readFileSync(fileOf('passing'), 'utf8')).toContain('body: fresh')
  })

  test('a runner that cannot report failures (jest) gets the cassette written', async () => {
    const runner = fakeRunner()
    runner.useCassette('jest-like', { dir: temp.dir, mode: 'once' })
    runner.start()
    await runner.test(async () => {
      await (await fetch(`${origin.url}/x`)).text()
    })
    await runner.finish()
    expect(readFileSync(fileOf('jest-like'), 'utf8')).toContain('body: fresh')
  })

  test('no temporary files are left behind', () => {
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('a vitest test that fails while recording', () => {
  useCassette('vitest-failing', { dir: temp.dir, mode: 'record' })
  test.fails('fails after its request was recorded', async () => {
    vi.spyOn(console, 'warn').mockImplementationOnce(() => {})
    await (await fetch(`${origin.url}/z`)).text()
    throw new Error('the assertion that failed')
  })
})

describe('after that block', () => {
  test('the previous cassette is intact', () => {
    expect(readFileSync(fileOf('vitest-failing'), 'utf8')).toBe(OLD)
  })
})
