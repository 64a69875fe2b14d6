import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { cassetteYaml } from './cassette-yaml.js'
import { COMPACT_LAYOUT } from './layout.js'
import { parseCassette, readCassetteFile } from './read-cassette.js'
import type { Body, Cassette, Interaction } from './types.js'
import { writeCassette } from './write-cassette.js'

const dir = mkdtempSync(join(tmpdir(), 'msw-cassette-write-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function interaction(body: Body, responseBody: Body = body): Interaction {
  return {
    id: 0,
    index: 0,
    request: {
      method: 'POST',
      url: 'https://api.example.test/v1?b=2&a=1',
      body,
      headers: { 'Content-Type': ['text/plain'], Accept: ['*/*'] },
      extra: {},
    },
    response: {
      code: 200,
      status: '200 OK',
      body: responseBody,
      headers: { 'Content-Type': ['text/event-stream'] },
      durationMs: 229.655875,
      uncompressed: false,
      extra: {},
    },
  }
}

// Text a literal block cannot hold as is: edge white space, CR, control characters, a BOM,
// YAML indicators, and strings that would read back as numbers or booleans.
const AWKWARD = [
  'event: a\ndata: {"x":1}\n\n',
  'no final newline\nsecond',
  'one final newline\n',
  'three\n\n\n',
  '\n\nleading blank lines',
  '  leading spaces\nsecond',
  '\ttab first\nsecond',
  'trailing space \nsecond ',
  'gemini\r\n\r\ndata: x\r\n\r\n',
  'lone\rcarriage return',
  'nul\u0000byte\nhere',
  '\ufeffbyte order mark\n',
  'über ä 日本 🎉\n',
  'line separator\u2028here\nand\u0085next',
  '- looks like a list',
  '# looks like a comment\nx',
  '{"json":"one line"}',
  'true',
  '1e3',
  '0x1F',
  'null',
  '~',
  "it's",
  'x'.repeat(300),
  '   ',
  '\n',
]

describe('cassette text', () => {
  test('every awkward body reads back exactly', () => {
    const path = join(dir, 'awkward.yaml')
    const written = AWKWARD.map((body) => interaction(body))
    writeCassette(path, written)
    const read = readCassetteFile(path).interactions
    expect(read.map((item) => item.request.body)).toEqual(AWKWARD)
    expect(read.map((item) => item.response.body)).toEqual(AWKWARD)
  })

  test('bytes that are not UTF-8 are written as !!binary and read back as the same bytes', () => {
    const bytes = new Uint8Array(256).map((_, at) => 255 - at)
    const text = cassetteYaml([interaction('', bytes)], COMPACT_LAYOUT)
    expect(text).toContain(
      '    body: !!binary |\n      //79/Pv6+fj39vX08/Lx8O/u7ezr6uno5+bl5OPi4eDf3t3c29rZ2NfW1dTT0tHQz87NzM',
    )
    const read = parseCassette(text, 'binary').interactions[0]
    expect(new Uint8Array(read?.response.body as Uint8Array)).toEqual(bytes)
  })

  test('writes ids from 0, the Go duration, sorted headers, and empty response bodies as ""', () => {
    const text = cassetteYaml([interaction('a'), interaction('', '')], COMPACT_LAYOUT)
    expect(text).toMatch(/^---\nversion: 2\ninteractions:\n- id: 0\n/)
    expect(text).toContain('\n- id: 1\n')
    expect(text).toContain('    duration: 229.655875ms\n')
    expect(text).toContain("    headers:\n      Accept:\n      - '*/*'\n      Content-Type:\n")
    expect(text).toContain('    body: ""\n')
    // go-vcr leaves an empty request body out, and fills in what it always writes.
    const second = text.split('\n- id: 1\n')[1] ?? ''
    expect(second).toMatch(
      /^ {2}request:\n {4}proto: HTTP\/1\.1\n {4}proto_major: 1\n {4}proto_minor: 1\n {4}content_length: 0\n {4}host: api\.example\.test\n {4}headers:/,
    )
  })

  test('keeps fields it does not know, after the ones go-vcr writes', () => {
    const item = interaction('a')
    item.response.extra = { proto: 'HTTP/2.0', proto_major: 2, proto_minor: 0, x_custom: 'kept' }
    const text = cassetteYaml([item], COMPACT_LAYOUT)
    expect(text).toContain(
      '  response:\n    proto: HTTP/2.0\n    proto_major: 2\n    proto_minor: 0\n',
    )
    expect(text).toMatch(/duration: 229\.655875ms\n {4}x_custom: kept\n/)
  })
})

// Real go-vcr cassettes, when the shared corpus is beside the project: writing one and reading
// it back must give the same interactions.
const CORPUS = resolve(process.cwd(), '../shared/corpus')

function cassetteFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return cassetteFiles(path)
    return /\.ya?ml$/.test(entry.name) ? [path] : []
  })
}

function comparable(cassette: Cassette) {
  return cassette.interactions.map(({ request, response }) => ({
    // go-vcr leaves an empty form out, as the writer does.
    request: {
      ...request,
      form: Object.keys(request.form ?? {}).length > 0 ? request.form : undefined,
      extra: undefined,
    },
    response: { ...response, extra: undefined, durationMs: Math.round(response.durationMs * 1e6) },
  }))
}

test.skipIf(!existsSync(CORPUS))(
  'every corpus cassette survives being written again',
  // A thousand files parsed twice: room for a slow machine, not a limit on the behaviour.
  { timeout: 600_000 },
  () => {
    const files = cassetteFiles(CORPUS)
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      let original: Cassette
      try {
        original = parseCassette(readFileSync(file, 'utf8'), file)
      } catch {
        continue // Deliberately broken files are the loader's business.
      }
      const again = parseCassette(cassetteYaml(original.interactions), file)
      expect(comparable(again), file).toEqual(comparable(original))
    }
  },
)
