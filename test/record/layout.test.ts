import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupServer } from 'msw/node'
import {
  type CassetteOptions,
  CassetteOptionsError,
  fromCassette,
  type LayoutOption,
} from 'msw-cassette'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { GOLDEN } from '../go/golden.js'
import { listenStrictly } from '../support/client.js'
import { type Origin, startOrigin, tempDir } from './origin.js'

let origin: Origin
const server = setupServer()
let temp: ReturnType<typeof tempDir>

beforeAll(async () => {
  origin = await startOrigin((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ path: request.url }))
  })
  listenStrictly(server)
})
afterAll(async () => {
  server.close()
  await origin.close()
})
beforeEach(() => {
  vi.stubEnv('CI', '')
  vi.stubEnv('MSW_CASSETTE_MODE', '')
  temp = tempDir()
})
afterEach(() => {
  server.resetHandlers()
  vi.unstubAllEnvs()
  temp.remove()
})

async function record(name: string, options: CassetteOptions, paths: string[]): Promise<string> {
  const handlers = fromCassette(name, { dir: temp.dir, ...options })
  server.use(...handlers)
  for (const path of paths) await (await fetch(`${origin.url}${path}`)).text()
  await handlers.save()
  server.resetHandlers()
  return readFileSync(join(temp.dir, `${name}.yaml`), 'utf8')
}

const COMPACT = `---
version: 2
interactions:
- id: 0
  request:
    proto: HTTP/1.1
    proto_major: 1
    proto_minor: 1
    content_length: 0
    host: api.example.test
    headers:
      Accept:
      - '*/*'
    url: https://api.example.test/old
    method: GET
  response:
    proto: HTTP/1.1
    proto_major: 1
    proto_minor: 1
    content_length: 2
    body: ok
    headers:
      Content-Type:
      - text/plain
    status: 200 OK
    code: 200
    duration: 1ms
`

describe('the layout of what is written', () => {
  test.runIf(existsSync(GOLDEN))(
    'new-episodes over a go-vcr file keeps its bytes and appends in its layout',
    async () => {
      const path = join(temp.dir, 'go.yaml')
      copyFileSync(join(GOLDEN, 'recorded/query_repeat.yaml'), path)
      const before = readFileSync(path, 'utf8')
      const after = await record('go', { mode: 'new-episodes' }, ['/new'])
      expect(after.startsWith(before)).toBe(true)
      const added = after.slice(before.length)
      expect(added).toMatch(/^ {4}- id: 1\n {6}request:\n {8}proto: HTTP\/1\.1\n/)
      expect(added).toContain('        transfer_encoding: []\n        trailer: {}\n')
      expect(added).toContain('        form: {}\n')
    },
  )

  test('new-episodes over a 2-space file appends in 2-space, without empty fields', async () => {
    writeFileSync(join(temp.dir, 'compact.yaml'), COMPACT)
    const after = await record('compact', { mode: 'new-episodes' }, ['/new'])
    expect(after.startsWith(COMPACT)).toBe(true)
    const added = after.slice(COMPACT.length)
    expect(added).toMatch(/^- id: 1\n {2}request:\n {4}proto: HTTP\/1\.1\n/)
    expect(added).not.toContain('trailer')
    expect(added).not.toContain('form:')
  })

  test('a new file follows the cassettes beside it when they agree', async () => {
    writeFileSync(join(temp.dir, 'a.yaml'), COMPACT)
    writeFileSync(join(temp.dir, 'b.yaml'), COMPACT)
    const text = await record('fresh', { mode: 'record' }, ['/x'])
    expect(text).toMatch(/^---\nversion: 2\ninteractions:\n- id: 0\n {2}request:\n {4}proto:/)
  })

  test("a new file in a folder without agreement takes go-vcr's layout", async () => {
    writeFileSync(join(temp.dir, 'a.yaml'), COMPACT)
    writeFileSync(
      join(temp.dir, 'b.yaml'),
      COMPACT.replace(/^( *)/gm, (indent) => indent + indent).replace(/^- /m, '    - '),
    )
    const text = await record('fresh', { mode: 'record' }, ['/x'])
    expect(text).toMatch(/^---\nversion: 2\ninteractions:\n {4}- id: 0\n {6}request:\n {8}proto:/)
    expect(text).toContain('        remote_addr: ""\n')
  })

  test('the layout option chooses explicitly', async () => {
    writeFileSync(join(temp.dir, 'a.yaml'), COMPACT)
    const text = await record('fresh', { mode: 'record', layout: 'go-vcr' }, ['/x'])
    expect(text).toMatch(/^---\nversion: 2\ninteractions:\n {4}- id: 0\n/)
    const custom = await record(
      'custom',
      { mode: 'record', layout: { indent: 2, indentSequences: true, emptyFields: 'all' } },
      ['/x'],
    )
    expect(custom).toMatch(/^---\nversion: 2\ninteractions:\n {2}- id: 0\n {4}request:\n {6}proto:/)
  })

  test('a layout that is not one is refused, naming the option', () => {
    for (const layout of ['tabs', { indent: 0, indentSequences: true, emptyFields: 'all' }]) {
      let error: unknown
      try {
        fromCassette('x', { dir: temp.dir, layout: layout as LayoutOption })
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(CassetteOptionsError)
      expect((error as CassetteOptionsError).code).toBe('ERR_CASSETTE_OPTIONS')
      expect((error as Error).message).toContain('`layout`')
    }
  })
})
