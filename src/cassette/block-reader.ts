import { binaryScalar } from './binary-scalar.js'
import { readLiteral } from './block-scalar.js'
import {
  Code,
  indentOf,
  isEntryDash,
  lineEnd,
  nextContentLine,
  Outside,
  outside,
  restIsBlank,
  skipSpaces,
} from './block-text.js'
import { readFlowSequence } from './flow-sequence.js'
import { isIndicator, isNullText, readPlain } from './plain-scalar.js'
import { type Backslashes, findBackslashes, readQuoted } from './quoted-scalar.js'

/** A node read from the text, and the start of the first line it did not use. */
interface Read {
  value: unknown
  next: number
}

// What js-yaml refuses, and so the general parser must see: control characters, lone
// surrogates, and the non-characters U+FFFE and U+FFFF; and CR, which Go's writers never put
// in a line end (one pass over the text finds both).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
const NON_PRINTABLE_OR_CR = /[\x00-\x08\x0B-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/
const SURROGATE = /[\uD800-\uDFFF]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/

/**
 * Reads the block-style YAML that Go's yaml.v2 and yaml.v3 write for a cassette, several times
 * faster than a general parser: block mappings and sequences, plain, quoted and literal
 * scalars, `{}` and `[]`, every scalar as a string and `~`/`null`/empty as null (what the fast
 * parser's schema gives). Anything else (flow collections with content, tags, anchors,
 * comments, folded scalars, tabs, CR line ends, text js-yaml refuses) gives `undefined`, and
 * the general parser reads the file; its result for every text read here is the same, which
 * a test checks on every cassette we have and on generated ones.
 *
 * @param text - The YAML source.
 */
export function readBlockYaml(text: string): unknown {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== Code.Newline) return undefined
  // A byte order mark: js-yaml drops it (a key would start with it here).
  if (text.charCodeAt(0) === 0xfeff) return undefined
  if (NON_PRINTABLE_OR_CR.test(text)) return undefined
  // Emoji and other pairs are common, lone halves never; the slow test only when needed.
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) return undefined
  backslashes = findBackslashes(text)
  try {
    return readDocument(text)
  } catch (error) {
    // Nesting deeper than the stack: js-yaml, then the positional parser, say what they make
    // of it.
    if (error instanceof Outside || error instanceof RangeError) return undefined
    throw error
  }
}

// The backslashes of the text being read (one read runs at a time: it is synchronous).
let backslashes: Backslashes = findBackslashes('')

function readDocument(text: string): unknown {
  let line = nextContentLine(text, 0)
  // One document, optionally opened by `---`.
  if (text.startsWith('---', line) && restIsBlank(text, line + 3)) {
    line = nextContentLine(text, lineEnd(text, line) + 1)
  }
  if (line >= text.length || indentOf(text, line) !== 0 || isEntryDash(text, line)) outside()
  const root = readMapping(text, line, 0)
  if (nextContentLine(text, root.next) < text.length) outside()
  return root.value
}

// A block mapping whose first key starts at `at`, in column `indent`; the keys after it start
// lines at that same column.
function readMapping(text: string, at: number, indent: number): Read {
  const mapping: Record<string, unknown> = {}
  let key = at
  for (;;) {
    const colon = keyEnd(text, key)
    const name = text.slice(key, colon)
    if (Object.hasOwn(mapping, name) || name === '__proto__' || isNullText(name)) outside()
    const read = readValue(text, colon + 1, indent, true)
    mapping[name] = read.value
    const line = nextContentLine(text, read.next)
    if (line >= text.length) return { value: mapping, next: line }
    const lineIndent = indentOf(text, line)
    if (lineIndent < indent) return { value: mapping, next: line }
    if (lineIndent > indent || isEntryDash(text, line + lineIndent)) outside()
    key = line + lineIndent
  }
}

// The offset of the `:` that ends the plain key starting at `at`. Keys are short: one pass over
// the key's characters checks it too (no tab, no comment).
function keyEnd(text: string, at: number): number {
  if (isIndicator(text.charCodeAt(at))) outside()
  for (let offset = at; offset < text.length; offset++) {
    const code = text.charCodeAt(offset)
    if (code === Code.Colon) {
      const after = text.charCodeAt(offset + 1)
      if (after === Code.Space || after === Code.Newline) {
        if (text.charCodeAt(offset - 1) === Code.Space) outside()
        return offset
      }
    } else if (code === Code.Newline || code === Code.Tab) {
      outside()
    } else if (code === Code.Hash && text.charCodeAt(offset - 1) === Code.Space) {
      outside()
    }
  }
  return outside()
}

// A block sequence whose first `-` is at `at`, in column `indent`. An indentless one (the value
// of a mapping key, at the key's own column) ends at the first line that is not an entry.
function readSequence(text: string, at: number, indent: number, indentless: boolean): Read {
  const sequence: unknown[] = []
  let dash = at
  for (;;) {
    const read = readValue(text, dash + 1, indent, false)
    sequence.push(read.value)
    const line = nextContentLine(text, read.next)
    if (line >= text.length) return { value: sequence, next: line }
    const lineIndent = indentOf(text, line)
    if (lineIndent < indent) return { value: sequence, next: line }
    if (lineIndent > indent) outside()
    if (!isEntryDash(text, line + lineIndent)) {
      if (indentless) return { value: sequence, next: line }
      outside()
    }
    dash = line + lineIndent
  }
}

// The node after a key's `:` or an entry's `-` (at `from`), on that line or, for a collection,
// on the lines below; `indent` is the column of the key or the dash.
function readValue(text: string, from: number, indent: number, inMapping: boolean): Read {
  const at = skipSpaces(text, from)
  const code = text.charCodeAt(at)
  if (code === Code.Newline) return readBelow(text, at + 1, indent, inMapping)
  if (code === Code.Tab) outside()
  // The one tag Go writes: bytes that are not UTF-8 text, in base64.
  if (code === 0x21) {
    if (!text.startsWith('!!binary ', at)) outside()
    const encoded = readValue(text, at + 9, indent, true)
    if (typeof encoded.value !== 'string') outside()
    return { value: binaryScalar(encoded.value), next: encoded.next }
  }
  if (code === 0x7c) {
    const literal = readLiteral(text, at, indent)
    return { value: literal.value, next: literal.end }
  }
  if (code === Code.Single || code === Code.Double) {
    const scalar = readQuoted(text, at, indent, backslashes)
    if (!restIsBlank(text, scalar.end)) outside()
    return { value: scalar.value, next: lineEnd(text, scalar.end) + 1 }
  }
  if (code === 0x7b) {
    // Only the empty mapping: the writers put nothing else in flow style.
    if (text.charCodeAt(at + 1) !== 0x7d || !restIsBlank(text, at + 2)) outside()
    return { value: {}, next: lineEnd(text, at) + 1 }
  }
  if (code === 0x5b) {
    const flow = readFlowSequence(text, at, indent, backslashes)
    return { value: flow.items, next: flow.next }
  }
  // An entry may open a mapping on its own line: `- id: 0`.
  if (!inMapping && opensKey(text, at)) {
    return readMapping(text, at, at - text.lastIndexOf('\n', at) - 1)
  }
  const plain = readPlain(text, at, indent)
  return { value: isNullText(plain.text) ? null : plain.text, next: plain.next }
}

// A value that starts on the next line: a nested collection, or (nothing there) null.
function readBelow(text: string, next: number, indent: number, inMapping: boolean): Read {
  const line = nextContentLine(text, next)
  if (line >= text.length) return { value: null, next: line }
  const lineIndent = indentOf(text, line)
  const first = line + lineIndent
  if (lineIndent > indent) {
    if (isEntryDash(text, first)) return readSequence(text, first, lineIndent, false)
    return readMapping(text, first, lineIndent)
  }
  // yaml.v2 writes a key's list at the key's own column.
  if (inMapping && lineIndent === indent && isEntryDash(text, first)) {
    return readSequence(text, first, lineIndent, true)
  }
  return { value: null, next: line }
}

// Whether the line from `at` holds a `key:` (a `:` before a space or the line's end).
function opensKey(text: string, at: number): boolean {
  // Searched in the line alone: a search of the text would run on to the next `:` however far,
  // for every entry of a long list of scalars.
  const line = text.slice(at, lineEnd(text, at))
  for (let colon = line.indexOf(':'); colon !== -1; colon = line.indexOf(':', colon + 1)) {
    const after = line.charCodeAt(colon + 1)
    if (after === Code.Space || colon + 1 === line.length) return true
  }
  return false
}
