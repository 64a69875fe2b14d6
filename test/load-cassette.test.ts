import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  type Cassette,
  CassetteError,
  CassetteFormatError,
  CassetteNotFoundError,
  configure,
  type Interaction,
  loadCassette,
  resetConfiguration,
} from 'msw-cassette'
import { afterEach, describe, expect, test } from 'vitest'
import { clearCassetteCache } from '../src/cassette/read-cassette.js'

const DIR = 'fixtures/loader'

function load(name: string): Cassette {
  return loadCassette(name, { dir: DIR })
}

function at(cassette: Cassette, index: number): Interaction {
  const interaction = cassette.interactions[index]
  if (!interaction) throw new Error(`${cassette.path} has no interaction ${index}`)
  return interaction
}

/** The error a call throws, so its fields can be checked. */
function thrown(call: () => unknown): CassetteError {
  try {
    call()
  } catch (error) {
    if (error instanceof CassetteError) return error
    throw error
  }
  throw new Error('expected the call to throw')
}

describe('versions', () => {
  test('reads a version 2 file with every go-vcr v4 field', () => {
    const cassette = load('version-2')
    expect(cassette.version).toBe(2)
    expect(cassette.path).toBe(resolve(DIR, 'version-2.yaml'))
    expect(cassette.interactions).toHaveLength(2)
    const first = at(cassette, 0)
    expect(first.id).toBe(0)
    expect(first.index).toBe(0)
    expect(first.request).toMatchObject({
      method: 'POST',
      url: 'https://api.example.test/v1/ask',
      body: '{"question":"hi"}',
      headers: { 'Content-Type': ['application/json'], Accept: ['application/json', 'text/plain'] },
      form: {},
    })
    expect(first.request.extra).toMatchObject({ proto: 'HTTP/1.1', content_length: 17 })
    expect(first.response).toMatchObject({
      code: 200,
      status: '200 OK',
      body: '{"answer":"hello"}',
      uncompressed: true,
    })
    expect(first.response.durationMs).toBeCloseTo(229.655875, 9)
    expect(first.response.extra).toMatchObject({
      transfer_encoding: ['chunked'],
      content_length: -1,
    })
    const second = at(cassette, 1)
    expect(second.request.url).toBe('https://api.example.test/v1/status?verbose=1')
    expect(second.response).toMatchObject({ code: 204, body: '', headers: {}, durationMs: 0 })
  })

  test('reads a version 1 file: no ids, positions stand in', () => {
    const cassette = load('version-1')
    expect(cassette.version).toBe(1)
    expect(cassette.interactions.map((item) => [item.id, item.index])).toEqual([
      [0, 0],
      [1, 1],
    ])
    const post = at(cassette, 1)
    expect(post.request.form).toEqual({ name: ['widget'], size: ['2'] })
    expect(post.request.body).toBe('name=widget&size=2')
    expect(post.response.status).toBe('201 Created')
    expect(at(cassette, 0).response.durationMs).toBe(0)
  })
})

describe('body encodings', () => {
  const bodies = () => load('bodies').interactions.map((item) => item.response.body)

  test('literal blocks keep, clip or strip the final line ends', () => {
    const [clip, strip, keep] = bodies()
    expect(clip).toBe('line one\nline two\n')
    expect(strip).toBe('line one\nline two')
    expect(keep).toBe('event: a\ndata: 1\n\n')
  })

  test('single- and double-quoted bodies unescape as YAML says', () => {
    const [, , , single, double] = bodies()
    expect(single).toBe('it\'s "quoted" \\n raw')
    expect(double).toBe('tab\there "q" café \\ end')
  })

  test('folded bodies join lines with spaces and keep paragraph breaks', () => {
    expect(bodies()[5]).toBe('folded into one\nparagraph two\n')
  })

  test('double-quoted CRLF SSE bodies keep their CR LF bytes', () => {
    expect(bodies()[6]).toBe('data: {"n":1}\r\n\r\ndata: {"n":2}\r\n\r\n')
  })

  test('!!binary bodies load as the exact bytes', () => {
    const interaction = at(load('binary'), 0)
    const request = interaction.request.body
    const response = interaction.response.body
    expect(request).toBeInstanceOf(Uint8Array)
    expect(response).toBeInstanceOf(Uint8Array)
    expect([...(request as Uint8Array)]).toEqual([0x00, 0xff, 0x80, 0x0d, 0x0a, 0xc3, 0x28, 0x7f])
    expect([...(response as Uint8Array)]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    ])
  })

  test('yaml.v2 quoted JSON folded across lines, closing at the key indentation', () => {
    const cassette = load('folded-quoted-json')
    const body = at(cassette, 0).response.body
    expect(typeof body).toBe('string')
    expect(JSON.parse(body as string)).toEqual({ balance: 12.5, labels: ['alpha', "it's"] })
    expect(JSON.parse(at(cassette, 1).request.body as string)).toEqual({ name: 'two' })
    expect(at(cassette, 1).request.method).toBe('PUT')
  })
})

describe('optional fields', () => {
  test('Go durations, empty and missing ones become milliseconds', () => {
    const durations = load('durations').interactions.map((item) => item.response.durationMs)
    expect(durations).toHaveLength(6)
    const [zero, micro, seconds, minutes, empty, missing] = durations
    expect(zero).toBe(0)
    expect(micro).toBeCloseTo(0.755667, 9)
    expect(seconds).toBe(2500)
    expect(minutes).toBe(62_000)
    expect(empty).toBe(0)
    expect(missing).toBe(0)
  })

  test('absent optional fields get empty defaults', () => {
    const interaction = at(load('minimal'), 0)
    expect(interaction.id).toBe(0)
    expect(interaction.request).toEqual({
      method: 'DELETE',
      url: 'https://api.example.test/v1/items/7',
      body: '',
      headers: {},
      extra: {},
    })
    expect(interaction.request).not.toHaveProperty('form')
    expect(interaction.response).toEqual({
      code: 404,
      status: '',
      body: '',
      headers: {},
      durationMs: 0,
      uncompressed: false,
      extra: {},
    })
  })

  test('header lists: one value, none, null items, and a header named `__proto__`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msw-cassette-headers-'))
    try {
      const file = join(dir, 'headers.yaml')
      writeFileSync(
        file,
        [
          'version: 2',
          'interactions:',
          '- request: {method: GET, url: "https://x.test/"}',
          '  response:',
          '    code: 200',
          '    headers:',
          '      X-One: solo',
          '      X-None:',
          '      X-Null: [a, null]',
          '      __proto__: [kept]',
          '',
        ].join('\n'),
      )
      const headers = at(loadCassette(file), 0).response.headers
      expect(Object.getPrototypeOf(headers)).toBe(Object.prototype)
      expect(Object.entries(headers)).toEqual([
        ['X-One', ['solo']],
        ['X-None', []],
        ['X-Null', ['a', '']],
        ['__proto__', ['kept']],
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('`interactions: []` loads as no interactions', () => {
    expect(load('empty-list').interactions).toEqual([])
  })

  test('a file without the `interactions` key is refused, as go-vcr needs it', () => {
    const error = thrown(() => load('no-interactions'))
    expect(error).toBeInstanceOf(CassetteFormatError)
    expect(error.code).toBe('ERR_CASSETTE_INVALID')
    expect(error.message).toContain('missing key `interactions`')
  })
})

describe('malformed cassettes', () => {
  test('a missing file lists the cassettes that exist and the closest name', () => {
    const error = thrown(() => load('bodys'))
    expect(error).toBeInstanceOf(CassetteNotFoundError)
    expect(error).toBeInstanceOf(CassetteError)
    expect(error.code).toBe('ERR_CASSETTE_NOT_FOUND')
    expect(error.message).toMatch(/^msw-cassette: cassette not found/)
    expect(error.message).toContain(`cassette: ${DIR}/bodys.yaml`)
    expect((error as CassetteNotFoundError).path).toBe(resolve(DIR, 'bodys.yaml'))
    expect(error.message).toContain('Did you mean "bodies"?')
    expect(error.message).toContain('  - version-2')
    expect(error.message).toContain('  - sub/folder/nested')
    const available = (error as CassetteNotFoundError).available
    expect(available).toContain('short-extension')
    expect(available).toContain('malformed/wrong-type')
  })

  test('a YAML syntax error names the file, line and column', () => {
    const error = thrown(() => load('malformed/syntax-error'))
    expect(error).toBeInstanceOf(CassetteFormatError)
    expect(error).toBeInstanceOf(CassetteError)
    expect(error.code).toBe('ERR_CASSETTE_SYNTAX')
    const format = error as CassetteFormatError
    expect(format.path).toBe(resolve(DIR, 'malformed/syntax-error.yaml'))
    expect(format.location.line).toBe(8)
    expect(format.location.column).toBeTypeOf('number')
    expect(error.message).toContain(`cassette: ${DIR}/malformed/syntax-error.yaml`)
    expect(error.message).toContain(`line 8, column ${format.location.column}`)
  })

  test('an unknown version says which version was found', () => {
    const error = thrown(() => load('malformed/unknown-version'))
    expect(error).toBeInstanceOf(CassetteFormatError)
    expect(error).toBeInstanceOf(CassetteError)
    expect(error.code).toBe('ERR_CASSETTE_VERSION')
    expect(error.message).toContain('unknown version 3')
    expect(error.message).toContain('unknown-version.yaml')
  })

  test('a field of the wrong type names the interaction, the field and the line', () => {
    const error = thrown(() => load('malformed/wrong-type'))
    expect(error).toBeInstanceOf(CassetteFormatError)
    expect(error).toBeInstanceOf(CassetteError)
    expect(error.code).toBe('ERR_CASSETTE_INVALID')
    expect(error.message).toContain('interaction 1')
    expect(error.message).toContain('`response.code`')
    expect(error.message).toContain('line 15')
    expect(error.message).toContain('"two hundred"')
    expect((error as CassetteFormatError).location).toMatchObject({
      interaction: 1,
      field: 'response.code',
      line: 15,
    })
  })
})

describe('name resolution', () => {
  afterEach(() => resetConfiguration())

  test('a name resolves to <dir>/<name>.yaml or .yml', () => {
    expect(load('version-1').path).toBe(resolve(DIR, 'version-1.yaml'))
    expect(load('short-extension').path).toBe(resolve(DIR, 'short-extension.yml'))
  })

  test('a name may hold subfolders', () => {
    const cassette = load('sub/folder/nested')
    expect(cassette.path).toBe(resolve(DIR, 'sub/folder/nested.yaml'))
    expect(at(cassette, 0).response.body).toBe('nested')
  })

  test('absolute paths and paths ending in .yaml are used as given', () => {
    const absolute = resolve(DIR, 'version-2.yaml')
    expect(loadCassette(absolute, { dir: 'elsewhere' }).path).toBe(absolute)
    expect(loadCassette(`${DIR}/version-1.yaml`, { dir: 'elsewhere' }).version).toBe(1)
    expect(loadCassette(`${DIR}/short-extension.yml`).path).toBe(
      resolve(DIR, 'short-extension.yml'),
    )
  })

  test('`configure({ dir })` sets the folder; `{ dir }` per call wins over it', () => {
    configure({ dir: DIR })
    expect(loadCassette('version-1').path).toBe(resolve(DIR, 'version-1.yaml'))
    const error = thrown(() => loadCassette('version-1', { dir: `${DIR}/sub` }))
    expect(error.code).toBe('ERR_CASSETTE_NOT_FOUND')
    expect(loadCassette('nested', { dir: `${DIR}/sub/folder` }).version).toBe(2)
  })

  test('after `resetConfiguration()` names resolve in `fixtures` again', () => {
    configure({ dir: DIR })
    resetConfiguration()
    expect(thrown(() => loadCassette('version-1')).code).toBe('ERR_CASSETTE_NOT_FOUND')
    expect(loadCassette('loader/version-1').version).toBe(1)
  })
})

describe('caching', () => {
  test('a file is parsed once: loading it twice returns the same object', () => {
    expect(load('version-2')).toBe(load('version-2'))
  })

  test('a file is read again after its modification time changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msw-cassette-cache-'))
    try {
      const file = join(dir, 'changing.yaml')
      const write = (body: string, seconds: number) => {
        writeFileSync(
          file,
          `version: 2\ninteractions:\n  - request: {method: GET, url: "https://a.test/"}\n    response: {code: 200, body: ${body}}\n`,
        )
        utimesSync(file, seconds, seconds)
      }
      write('first', 1_700_000_000)
      const before = loadCassette(file)
      expect(loadCassette(file)).toBe(before)
      // Same length on purpose: only the modification time tells the change.
      write('again', 1_700_000_100)
      const after = loadCassette(file)
      expect(after).not.toBe(before)
      expect(at(after, 0).response.body).toBe('again')
      expect(at(before, 0).response.body).toBe('first')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('`clearCassetteCache()` forces the next load to parse again', () => {
    const before = load('version-1')
    clearCassetteCache()
    const after = load('version-1')
    expect(after).not.toBe(before)
    expect(after).toEqual(before)
  })
})
