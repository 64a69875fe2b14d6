import { load } from 'js-yaml'
import { describe, expect, test } from 'vitest'
import { readBlockYaml } from './block-reader.js'
import { cassetteYaml } from './cassette-yaml.js'
import { goSchema } from './fast-parse.js'
import { COMPACT_LAYOUT, GO_VCR_LAYOUT } from './layout.js'
import type { Interaction } from './types.js'

// The block reader must give what js-yaml gives (the reader behind it), or give up. The corpus,
// the golden files and our fixtures are compared in test/fast-reader.test.ts; here, texts made
// to be hard: every scalar style, folding, escapes, blank lines, indicators.

function jsYaml(text: string): unknown {
  return load(text, { schema: goSchema() })
}

/** Reads `text` both ways; gives whether the block reader took it. */
function agree(text: string): boolean {
  const block = readBlockYaml(text)
  if (block === undefined) return false
  expect(block, text).toEqual(jsYaml(text))
  return true
}

const LF = '\n'
const BS = '\\'
const DQ = '"'

// A small seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Pieces that exercise every rule of the scalar styles: indicators, quotes, escapes, white
// space at the edges and around line breaks, words that read as null, non-ASCII text.
const PIECES = [
  'a',
  'word',
  'data: {"x":1}',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '"',
  "'",
  '\\',
  '#',
  ' #',
  ':',
  ': ',
  '- ',
  '-',
  '?',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  'null',
  'é',
  '😀',
  '\u00a0',
  '\u0085',
  '\x07',
  '---',
  '...',
  'x'.repeat(90),
  'lorem ipsum dolor sit amet '.repeat(4),
]

function randomText(next: () => number): string {
  const length = Math.floor(next() * 12)
  let text = ''
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)] ?? ''
  return text
}

function interaction(next: () => number): Interaction {
  return {
    id: 0,
    index: 0,
    request: {
      method: 'POST',
      url: `https://api.example.test/v1?q=${encodeURIComponent(randomText(next))}`,
      body: randomText(next),
      headers: { 'X-Value': [randomText(next), randomText(next)], Accept: ['*/*'] },
      extra: {},
    },
    response: {
      code: 200,
      status: '200 OK',
      body: randomText(next),
      headers: { 'Content-Type': ['text/event-stream'], 'X-Note': [randomText(next)] },
      durationMs: 12,
      uncompressed: false,
      extra: {},
    },
  }
}

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)] as T

// Scalar text split over lines at random, each continuation line indented by `indent` plus
// up to two spaces, sometimes with blank lines between (yaml.v2 folded long values so).
function spread(next: () => number, text: string, indent: number): string {
  let out = ''
  for (const char of text) {
    out += char
    if (char === ' ' && next() < 0.3) {
      out += pick(next, ['', '', 'NL', `NL${' '.repeat(indent)}`, '  NL'])
      out += `NL${' '.repeat(indent + Math.floor(next() * 3))}`
    }
  }
  return out.replaceAll('NL', LF)
}

// Escapes for double quotes, one of them unknown to YAML, one an escaped line break.
const ESCAPED = [
  'BSn',
  'BSDQ',
  'BSBS',
  'BSx41',
  'BSu00e9',
  'BS ',
  'BSt',
  'BS/',
  'BSq',
  `BS${LF}   `,
]

// One value after `key:` (or `-`) whose node is at column `indent`: a scalar of any style,
// possibly over several lines, or a nested collection.
function randomValue(next: () => number, indent: number, depth: number): string {
  const words = () => randomText(next).replaceAll(LF, ' ')
  const deeper = indent + pick(next, [1, 2, 4])
  switch (Math.floor(next() * (depth > 2 ? 6 : 8))) {
    case 0:
      return ` ${spread(next, words(), deeper)}`
    case 1:
      return ` '${spread(next, words().replaceAll("'", pick(next, ["''", "''", "'"])), deeper)}'`
    case 2: {
      let body = ''
      for (let i = 0; i < 4; i++) {
        body += words().replaceAll(BS, 'BSBS').replaceAll(DQ, 'BSDQ') + pick(next, ESCAPED)
      }
      return ` "${spread(next, body.replaceAll('BS', BS).replaceAll('DQ', DQ), deeper)}"`
    }
    case 3: {
      const header = `|${pick(next, ['', '-', '+'])}${pick(next, ['', '', '1', '2'])}`
      const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        pick(next, [
          '',
          ' ',
          ' '.repeat(deeper + 3),
          `${' '.repeat(deeper + Math.floor(next() * 2))}${words()}`,
        ]),
      )
      return ` ${header}${LF}${lines.join(LF)}`
    }
    case 4:
      return ` [${[words(), `'${words()}'`].join(', ')}]`
    case 5:
      return pick(next, ['', ' []', ' {}', ' ~'])
    case 6:
      return `${LF}${randomMapping(next, deeper, depth + 1)}`
    default: {
      const column = pick(next, [indent, deeper])
      const entries = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
        next() < 0.5
          ? `${' '.repeat(column)}-${randomValue(next, column, depth + 1)}`
          : `${' '.repeat(column)}- ${randomMapping(next, column + 2, depth + 1).trimStart()}`,
      )
      return `${LF}${entries.join(LF)}`
    }
  }
}

function randomMapping(next: () => number, indent: number, depth: number): string {
  const keys = 1 + Math.floor(next() * 3)
  const lines: string[] = []
  for (let key = 0; key < keys; key++) {
    lines.push(`${' '.repeat(indent)}k${key}:${randomValue(next, indent, depth)}`)
  }
  return lines.join(LF)
}

function randomDocument(next: () => number): string {
  return `${next() < 0.5 ? `---${LF}` : ''}${randomMapping(next, 0, 0)}${LF}`
}

describe('the block reader reads as js-yaml does', () => {
  test('cassettes our writer makes, in both layouts, with awkward text everywhere', () => {
    const next = random(20261126)
    let taken = 0
    const runs = 400
    for (let run = 0; run < runs; run++) {
      const interactions = [interaction(next), interaction(next), interaction(next)]
      for (const layout of [GO_VCR_LAYOUT, COMPACT_LAYOUT]) {
        if (agree(cassetteYaml(interactions, layout))) taken++
        if (agree(cassetteYaml(interactions, layout, new Set([0, 1, 2])))) taken++
      }
    }
    // Most of them take the block reader; the rest (control characters) go to js-yaml.
    expect(taken).toBeGreaterThan(runs * 4 * 0.7)
  })

  test('random block YAML: folded scalars, escapes, blank lines, nesting, bad indentation', () => {
    const next = random(7)
    let taken = 0
    const runs = 3000
    let accepted = 0
    for (let run = 0; run < runs; run++) {
      const text = randomDocument(next)
      // A text js-yaml refuses must not be taken either: the general parser reports it.
      let expected: unknown
      try {
        expected = jsYaml(text)
      } catch {
        expect(readBlockYaml(text), text).toBeUndefined()
        continue
      }
      accepted++
      const block = readBlockYaml(text)
      if (block === undefined) continue
      expect(block, text).toEqual(expected)
      taken++
    }
    // Most texts js-yaml takes, the block reader takes too (it leaves control characters,
    // comments and tabs to js-yaml).
    expect(accepted).toBeGreaterThan(runs * 0.2)
    expect(taken).toBeGreaterThan(accepted * 0.6)
  })

  test.each([
    ['keep chomping keeps trailing blank lines', 'a: |+\n  x\n\n\nb: c\n'],
    ['strip chomping drops the last line break', 'a: |-\n  x\n  y\nb: c\n'],
    ['an indentation indicator keeps leading spaces', 'a:\n  b: |2-\n       x\n      y\n'],
    ['an indicator in a list entry', 'a:\n- |1\n  \tx\n'],
    ['a blank line deeper than the text is text', 'a: |\n  x\n     \n  y\n'],
    ['a tab opens the text of a block scalar', 'a: |\n    \tx\n'],
    ['blank lines before the text', 'a: |\n\n  \n  x\n'],
    ['an escaped line break joins lines', 'a: "x\\\n   y\\\n  \\ z"\n'],
    ['blank lines in a quoted scalar are newlines', "a: 'x\n\n   y  \n\n\n  z'\n"],
    ['a quote doubled inside single quotes', "a: 'it''s ''x'''\n"],
    [
      'every escape',
      'a: "\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P\\x41\\u00e9\\U0001F600"\n',
    ],
    ['a plain scalar over lines', 'a: x y\n  z\n\n  w\nb: -x\n'],
    ['a plain list entry over lines', 'a:\n  - x\n    y\n  - z\n'],
    ['null in every spelling', 'a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: nulls\n'],
    ['an empty entry', 'a:\n-\n- x\n'],
    ['indentless lists, as yaml.v2 writes them', 'a:\n  h:\n  - x\n  - y\n  k: z\nb: c\n'],
    ['entries that are mappings', 'a:\n    - id: 0\n      b: c\n    - id: 1\n'],
    ['empty collections', 'a: []\nb: {}\nc:\n  - []\n'],
    ['flow lists of scalars', 'a: [x, "y z", \'w\', null, ~x]\nb: [ ]\n'],
    ['a document start', '---\na: b\n'],
    ['a key with a colon in it', 'a:b: c\nhttp://x: y\n'],
    ['trailing spaces after values', 'a: x   \nb: "y"  \nc:   \n'],
    [
      'bytes, as Go writes them',
      'a: !!binary aGk=\nb: !!binary |\n    aGVs\n    bG8=\nc:\n  - !!binary "AA=="\n',
    ],
  ])('%s', (_name, text) => {
    expect(agree(text)).toBe(true)
  })

  test('nesting deeper than the stack gives up instead of throwing', () => {
    let deep = ''
    for (let depth = 0; depth < 6000; depth++) deep += `${' '.repeat(depth)}k:\n`
    expect(() => readBlockYaml(`${deep}${' '.repeat(6000)}x: y\n`)).not.toThrow()
  })

  test.each([
    ['an anchor', 'a: &x b\n'],
    ['an alias', 'a: *x\n'],
    ['a tag other than !!binary', 'a: !!str x\n'],
    ['bytes that are not base64', 'a: !!binary a b\n'],
    ['bytes that end inside a byte', 'a: !!binary aGk\n'],
    ['a tagged collection', 'a: !!binary\n  - aGk=\n'],
    ['a comment line', '# note\na: b\n'],
    ['a comment after a value', 'a: b # note\n'],
    ['a folded scalar', 'a: >\n  x\n'],
    ['a flow mapping with content', 'a: {b: c}\n'],
    ['a duplicate key', 'a: b\na: c\n'],
    ['CR line ends', 'a: b\r\n'],
    ['a tab as indentation', 'a:\n\tb: c\n'],
    ['no line break at the end', 'a: b'],
    ['a second document', 'a: b\n---\nc: d\n'],
    ['a control character', 'a: "\x01"\n'],
    ['a quoted key', '"a": b\n'],
    ['a list at the top', '- a\n'],
    ['a quoted continuation at the key column (old yaml.v2)', "a:\n  b: 'x\n  y'\n"],
    ['a prototype key', '__proto__: x\n'],
    ['a byte order mark', '\uFEFFversion: 2\n'],
  ])('gives up on %s', (_name, text) => {
    expect(readBlockYaml(text)).toBeUndefined()
  })
})
