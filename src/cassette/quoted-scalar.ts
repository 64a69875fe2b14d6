import { Code, indentOf, lineEnd, outside } from './block-text.js'

/** A scalar read from the text: its value, and the offset just past its last character. */
export interface Scalar {
  value: string
  end: number
}

// YAML's one-character escapes in double quotes, by the code of the letter after `\`.
const ESCAPES: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = []
  const pairs: [string, string][] = [
    ['0', '\x00'],
    ['a', '\x07'],
    ['b', '\b'],
    ['t', '\t'],
    ['\t', '\t'],
    ['n', '\n'],
    ['v', '\v'],
    ['f', '\f'],
    ['r', '\r'],
    ['e', '\x1b'],
    [' ', ' '],
    ['"', '"'],
    ['/', '/'],
    ['\\', '\\'],
    ['N', '\x85'],
    ['_', '\xa0'],
    ['L', '\u2028'],
    ['P', '\u2029'],
  ]
  for (const [letter, value] of pairs) table[letter.charCodeAt(0)] = value
  return table
})()
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 }
const HEX = /^[0-9a-fA-F]+$/

/** A piece of a quoted scalar's value (an escape, a fold), and the offset after its source. */
interface Built {
  value: string
  offset: number
}

/**
 * Reads a quoted scalar whose opening quote is at `at`, in single or double quotes as the
 * quote says. A scalar over several lines folds as YAML says (a line break is a space, each
 * blank line a newline, the spaces around a break dropped); its lines must be indented deeper
 * than `parentIndent`, else the general parser decides what the text means.
 */
export function readQuoted(
  text: string,
  at: number,
  parentIndent: number,
  backslashes: Backslashes,
): Scalar {
  const double = text.charCodeAt(at) === Code.Double
  const quote = double ? '"' : "'"
  const close = text.indexOf(quote, at + 1)
  if (close === -1) outside()
  // Most scalars are one line without escapes: a slice.
  const value = text.slice(at + 1, close)
  const doubled = !double && text.charCodeAt(close + 1) === Code.Single
  if (!doubled && !value.includes('\n') && !(double && value.includes('\\'))) {
    return { value, end: close + 1 }
  }
  return readOverLines(text, at, parentIndent, double ? backslashes : undefined)
}

// The general case of either style, escapes only in double quotes (`backslashes` given). It
// jumps from one character that matters to the next (the closing quote, a line break, a
// backslash) and builds the value by concatenation: V8 joins the pieces once, when the string
// is used.
function readOverLines(
  text: string,
  at: number,
  parentIndent: number,
  backslashes: Backslashes | undefined,
): Scalar {
  const closing = text.charAt(at)
  let value = ''
  let offset = at + 1
  let quote = -1
  let newline = -1
  for (;;) {
    if (quote < offset) quote = text.indexOf(closing, offset)
    if (newline < offset) newline = lineEnd(text, offset)
    if (quote === -1) outside()
    const backslash = backslashes ? backslashes.next(offset) : text.length
    if (backslash < Math.min(newline, quote)) {
      const escaped = readEscape(text, backslash, parentIndent)
      value += text.slice(offset, backslash) + escaped.value
      offset = escaped.offset
    } else if (newline < quote) {
      const folded = fold(text, newline, parentIndent)
      value += trimEnd(text.slice(offset, newline)) + folded.value
      offset = folded.offset
    } else {
      value += text.slice(offset, quote)
      // In single quotes, a doubled quote stands for one.
      if (backslashes || text.charCodeAt(quote + 1) !== Code.Single) {
        return { value, end: quote + 1 }
      }
      value += "'"
      offset = quote + 2
    }
  }
}

/** Finds the next backslash of one text; calls must come with offsets that never go back. */
export interface Backslashes {
  /** The offset of the first backslash at or after `offset`, or the text's length. */
  next(offset: number): number
}

/**
 * Finds the backslashes of `text` in one pass over it however many scalars ask: a search from
 * each scalar would cross the same backslash-free stretch again and again.
 */
export function findBackslashes(text: string): Backslashes {
  let found = -1
  return {
    next(offset) {
      if (found < offset) {
        const at = text.indexOf('\\', offset)
        found = at === -1 ? text.length : at
      }
      return found
    },
  }
}

// Reads the escape whose backslash is at `at`: what it stands for, and the offset after it.
function readEscape(text: string, at: number, parentIndent: number): Built {
  const letter = text.charCodeAt(at + 1)
  const simple = ESCAPES[letter]
  if (simple !== undefined) return { value: simple, offset: at + 2 }
  if (letter === Code.Newline) {
    // An escaped line break joins the lines with nothing between them: js-yaml drops the
    // blank lines after it too.
    let line = at + 2
    while (text.charCodeAt(skipBlanks(text, line)) === Code.Newline)
      line = skipBlanks(text, line) + 1
    checkContinuation(text, line, parentIndent)
    return { value: '', offset: skipBlanks(text, line) }
  }
  const length = HEX_LENGTH[text[at + 1] ?? '']
  if (length === undefined) outside()
  const digits = text.slice(at + 2, at + 2 + length)
  if (digits.length !== length || !HEX.test(digits)) outside()
  const point = Number.parseInt(digits, 16)
  if (point > 0x10ffff) outside()
  return { value: String.fromCodePoint(point), offset: at + 2 + length }
}

// Folds the line break at `at` and the blank lines after it: a space, or one newline per blank
// line; the offset is the next line's first character after its indentation.
function fold(text: string, at: number, parentIndent: number): Built {
  let line = at + 1
  let blanks = 0
  for (;;) {
    const first = skipBlanks(text, line)
    if (first >= text.length) outside()
    if (text.charCodeAt(first) !== Code.Newline) break
    blanks++
    line = first + 1
  }
  checkContinuation(text, line, parentIndent)
  return { value: blanks === 0 ? ' ' : '\n'.repeat(blanks), offset: skipBlanks(text, line) }
}

// A continuation line must sit deeper than the node that holds the scalar; the general parser
// has its own view of anything else (yaml.v2 wrote some at the key's own indentation).
function checkContinuation(text: string, line: number, parentIndent: number): void {
  if (indentOf(text, line) <= parentIndent) outside()
}

function skipBlanks(text: string, at: number): number {
  let offset = at
  for (;;) {
    const code = text.charCodeAt(offset)
    if (code !== Code.Space && code !== Code.Tab) return offset
    offset++
  }
}

function trimEnd(value: string): string {
  let end = value.length
  for (;;) {
    const code = value.charCodeAt(end - 1)
    if (code !== Code.Space && code !== Code.Tab) return value.slice(0, end)
    end--
  }
}
