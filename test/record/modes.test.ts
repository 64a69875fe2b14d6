import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupServer } from 'msw/node'
import {
  CassetteNotFoundError,
  type CassetteOptions,
  CassetteOptionsError,
  fromCassette,
  resolveMode,
} from 'msw-cassette'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { failure, listenStrictly } from '../support/client.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

let origin: Origin
let served = 0
const server = setupServer()
let temp: ReturnType<typeof tempDir>

beforeAll(async () => {
  // Each answer names the path and how many requests came before, so a replay is told apart
  // from a fresh recording.
  origin = await startOrigin((request, response) => {
    served++
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ path: request.url, served }))
  })
  listenStrictly(server)
})
afterAll(async () => {
  server.close()
  await origin.close()
})
beforeEach(() => {
  // Hermetic: the run's own CI and MSW_CASSETTE_MODE must not leak into these tests.
  vi.stubEnv('CI', '')
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  temp = tempDir()
})
afterEach(() => {
  server.resetHandlers()
  vi.unstubAllEnvs()
  temp.remove()
})

/** Runs `paths` as GETs through a cassette in `temp.dir`, saves it, and returns the answers. */
async function run(name: string, options: CassetteOptions, paths: string[]) {
  const handlers = fromCassette(name, { dir: temp.dir, ...options })
  server.use(...handlers)
  const answers: unknown[] = []
  for (const path of paths) answers.push(await (await fetch(`${origin.url}${path}`)).json())
  const written = await handlers.save()
  server.resetHandlers()
  return { answers, written, handlers }
}

const fileOf = (name: string) => join(temp.dir, `${name}.yaml`)
const urlsIn = (name: string) =>
  [...readFileSync(fileOf(name), 'utf8').matchAll(/^ +url: (.*)$/gm)].map((match) =>
    (match[1] ?? '').replace(origin.url, ''),
  )

describe('choosing the mode', () => {
  test('outside CI the default is once; in CI it is replay', () => {
    expect(resolveMode(undefined, {})).toBe('once')
    expect(resolveMode(undefined, { CI: 'true' })).toBe('replay')
    expect(resolveMode(undefined, { CI: '1' })).toBe('replay')
    expect(resolveMode(undefined, { CI: 'false' })).toBe('once')
    expect(resolveMode(undefined, { CI: '0' })).toBe('once')
    expect(resolveMode('record', { CI: 'true' })).toBe('record')
  })

  test('MSW_CASSETTE_MODE wins over the option, so a run can re-record without code changes', () => {
    expect(resolveMode('replay', { MSW_CASSETTE_MODE: 'record' })).toBe('record')
    expect(resolveMode('replay', { MSW_CASSETTE_MODE: 'new-episodes', CI: '1' })).toBe(
      'new-episodes',
    )
  })

  test('an invalid mode, as option or environment variable, is an options error', () => {
    const option = (() => {
      try {
        fromCassette('x', { dir: temp.dir, mode: 'recrod' as 'record' })
      } catch (error) {
        return error
      }
    })()
    expect(option).toBeInstanceOf(CassetteOptionsError)
    expect((option as Error).message).toContain('`mode` is "recrod"')
    expect((option as Error).message).toContain("'new-episodes'")
    vi.stubEnv('MSW_CASSETTE_MODE', 'always')
    expect(() => fromCassette('x', { dir: temp.dir })).toThrow(
      /MSW_CASSETTE_MODE is "always", which is not a record mode\.\nUse one of 'replay', 'once'/,
    )
  })

  test('in CI a missing cassette fails and says how to record it', () => {
    vi.stubEnv('CI', 'true')
    let error: unknown
    try {
      fromCassette('never-recorded', { dir: temp.dir })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CassetteNotFoundError)
    const message = (error as Error).message
    expect(message).toContain(fileOf('never-recorded'))
    expect(message).toContain('the environment variable CI is set')
    expect(message).toContain('MSW_CASSETTE_MODE=once')
    expect(message).toContain('commit the file')
  })

  test('in CI, recording happens only when asked for explicitly', async () => {
    vi.stubEnv('CI', 'true')
    vi.stubEnv('MSW_CASSETTE_MODE', 'once')
    const { written } = await run('asked', {}, ['/a'])
    expect(written).toBe(true)
    expect(urlsIn('asked')).toEqual(['/a'])
  })
})

describe('the modes', () => {
  test('once records a missing cassette, then replays it without the network', async () => {
    const first = await run('once', { mode: 'once' }, ['/a', '/b'])
    expect(first.written).toBe(true)
    const bytes = readFileSync(fileOf('once'))
    const before = served
    const second = await run('once', { mode: 'once' }, ['/a', '/b'])
    expect(served).toBe(before)
    expect(second.answers).toEqual(first.answers)
    expect(second.written).toBe(false)
    expect(readFileSync(fileOf('once'))).toEqual(bytes)
  })

  test('new-episodes replays what it has, records the rest, and keeps every old interaction', async () => {
    const old = await run('episodes', { mode: 'record' }, ['/a', '/b'])
    const oldText = readFileSync(fileOf('episodes'), 'utf8')
    const before = served
    const next = await run('episodes', { mode: 'new-episodes' }, ['/b', '/c', '/a', '/d'])
    expect(served).toBe(before + 2)
    expect(next.answers[0]).toEqual(old.answers[1])
    expect(next.answers[2]).toEqual(old.answers[0])
    expect(next.written).toBe(true)
    expect(urlsIn('episodes')).toEqual(['/a', '/b', '/c', '/d'])
    const newText = readFileSync(fileOf('episodes'), 'utf8')
    // The old interactions come through byte for byte, the new ones follow.
    expect(newText.startsWith(`${oldText}    - id: 2\n`)).toBe(true)
  })

  test('new-episodes replays a request recorded earlier in the run after a reset', async () => {
    const handlers = fromCassette('rerun', { dir: temp.dir, mode: 'new-episodes' })
    server.use(...handlers)
    const first = await (await fetch(`${origin.url}/x`)).json()
    const before = served
    handlers.reset()
    expect(await (await fetch(`${origin.url}/x`)).json()).toEqual(first)
    expect(served).toBe(before)
    expect(await handlers.save()).toBe(true)
    expect(urlsIn('rerun')).toEqual(['/x'])
  })

  test('new-episodes saved twice in a run appends each recording once', async () => {
    await run('twice', { mode: 'record' }, ['/a'])
    const handlers = fromCassette('twice', { dir: temp.dir, mode: 'new-episodes' })
    server.use(...handlers)
    await (await fetch(`${origin.url}/b`)).json()
    expect(await handlers.save()).toBe(true)
    await (await fetch(`${origin.url}/c`)).json()
    expect(await handlers.save()).toBe(true)
    expect(urlsIn('twice')).toEqual(['/a', '/b', '/c'])
  })

  test('record sends everything to the network and rewrites the cassette', async () => {
    const old = await run('rewrite', { mode: 'record' }, ['/a', '/old'])
    const next = await run('rewrite', { mode: 'record' }, ['/a', '/new'])
    expect(next.answers[0]).not.toEqual(old.answers[0])
    expect(urlsIn('rewrite')).toEqual(['/a', '/new'])
  })

  test('record without a request keeps the cassette as it was', async () => {
    await run('idle', { mode: 'record' }, ['/a'])
    const bytes = readFileSync(fileOf('idle'))
    expect((await run('idle', { mode: 'record' }, [])).written).toBe(false)
    expect(readFileSync(fileOf('idle'))).toEqual(bytes)
  })

  test('passthrough sends requests to the network and writes nothing', async () => {
    const before = served
    const { answers, written } = await run('through', { mode: 'passthrough' }, ['/a', '/a'])
    expect(served).toBe(before + 2)
    expect(answers).toEqual([
      { path: '/a', served: before + 1 },
      { path: '/a', served: before + 2 },
    ])
    expect(written).toBe(false)
    expect(existsSync(fileOf('through'))).toBe(false)
  })

  test('replay never reaches the network', async () => {
    await run('offline', { mode: 'record' }, ['/a'])
    const before = served
    const handlers = fromCassette('offline', { dir: temp.dir, mode: 'replay' })
    server.use(...handlers)
    await fetch(`${origin.url}/a`)
    expect(await failure(fetch(`${origin.url}/b`))).toMatchObject({
      code: 'ERR_CASSETTE_UNMATCHED',
    })
    expect(served).toBe(before)
  })
})
