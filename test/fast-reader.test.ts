import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { readBlockYaml } from '../src/cassette/block-reader.js'
import { fastParse } from '../src/cassette/fast-parse.js'
import { parseCassette, parseWithPositions } from '../src/cassette/read-cassette.js'
import type { Cassette } from '../src/cassette/types.js'

// Every cassette there is: ours, the golden files go-vcr wrote, and the corpus of real ones
// (beside the project when present; skipped, and said so, when not).
const SHARED = resolve(process.cwd(), '../shared')
const FOLDERS = ['fixtures', join(SHARED, 'interop'), join(SHARED, 'corpus')]
if (!existsSync(SHARED)) console.log(`fast reader: ${SHARED} is not there; fixtures only`)

function cassettes(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/**
 * The cassette as plain data: bytes as tagged base64, whichever array type holds them (a
 * `Buffer` or a `Uint8Array`: not told apart, as nothing downstream tells them apart).
 */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return value.map(plain)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]))
  }
  return value
}

function outcome(parse: () => Cassette): unknown {
  // Errors compare by message: the same problem, said the same way.
  try {
    return plain(parse())
  } catch (error) {
    return { error: (error as Error).message }
  }
}

test('the fast reader gives exactly what the positional one gives, for every cassette', () => {
  const files = FOLDERS.flatMap(cassettes)
  let fast = 0
  let block = 0
  const differing: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    if (fastParse(text) !== undefined) fast++
    if (!file.startsWith(SHARED) || readBlockYaml(text) !== undefined) block++
    const quick = outcome(() => parseCassette(text, file))
    const positional = outcome(() => parseWithPositions(text, file))
    if (JSON.stringify(quick) !== JSON.stringify(positional)) differing.push(file)
  }
  expect(differing).toEqual([])
  // Nearly every file takes the fast path; the rest (aliases, yaml.v2 quirks, line separators,
  // broken files) the positional one.
  expect(fast).toBeGreaterThan(files.length * 0.9)
  // And nearly every file Go wrote takes the block reader (the fastest); the rest js-yaml:
  // comments, old yaml.v2 quirks. (Our own fixtures are hand-written, often in flow style.)
  expect(block).toBeGreaterThan(files.length * 0.98)
}, 600_000)

test('a broken file still gets the positional error, with line and column', () => {
  const text =
    'version: 2\ninteractions:\n- id: 0\n  request: {method: GET, url: x}\n response: {}\n'
  expect(fastParse(text)).toBeUndefined()
  expect(() => parseCassette(text, '/memory/broken.yaml')).toThrow(/line 5, column \d+/)
})

test('a field of the wrong kind found by the fast reader is reported with its line', () => {
  const text = [
    'version: 2',
    'interactions:',
    '- request:',
    '    method: GET',
    '    url: https://x.test/',
    '  response:',
    '    code: two hundred',
    '',
  ].join('\n')
  expect(fastParse(text)).toBeDefined()
  expect(() => parseCassette(text, '/memory/wrong.yaml')).toThrow(/line 7/)
})

test('aliases never reach the fast reader: the positional parser bounds them', () => {
  const text = 'version: 2\ninteractions: &list []\nother: *list\n'
  expect(fastParse(text)).toBeUndefined()
})

test('an anchor alone sends the file to the positional parser (js-yaml would expand its aliases unbounded)', () => {
  expect(fastParse('version: 2\ninteractions: &list []\n')).toBeUndefined()
  // A `&` inside a value is text, not an anchor.
  expect(fastParse('version: 2\nurl: https://x.test/?a=1&b=2\nbody: "&x *y"\n')).toEqual({
    version: '2',
    url: 'https://x.test/?a=1&b=2',
    body: '&x *y',
  })
  // Nine levels of nine aliases: a billion strings if expanded.
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (const [at, name] of [...'bcdefghi'].entries()) {
    const previous = 'abcdefghi'[at]
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
  }
  expect(fastParse(laughs.join('\n'))).toBeUndefined()
})
