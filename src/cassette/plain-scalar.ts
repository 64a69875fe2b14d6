import { Code, indentOf, lineEnd, outside } from './block-text.js'

/** A plain scalar's text, and the start of the first line after it. */
export interface Plain {
  text: string
  next: number
}

// Characters a plain scalar may not start with (YAML's indicators); `-`, `?` and `:` may
// when a non-space follows.
const INDICATORS = new Uint8Array(128)
for (const char of '?:,[]{}#&*!|>\'"%@`-') INDICATORS[char.charCodeAt(0)] = 1
const NULLS = new Set(['~', 'null', 'Null', 'NULL'])

/** The plain scalars js-yaml's schema for cassettes reads as null. */
export function isNullText(text: string): boolean {
  return text.length <= 4 && NULLS.has(text)
}

/** Whether the character with this code may not open a plain scalar or key. */
export function isIndicator(code: number): boolean {
  return INDICATORS[code] === 1
}

/** Whether a line's text is a `key: value` pair rather than a scalar. */
export function isKeyText(content: string): boolean {
  return content.endsWith(':') || content.includes(': ')
}

/**
 * Reads a plain scalar that starts at `at`, with the lines after it that are indented deeper
 * than `parentIndent` (yaml.v2 folds long values over several lines): a line break reads as a
 * space, each blank line as a newline.
 */
export function readPlain(text: string, at: number, parentIndent: number): Plain {
  const end = lineEnd(text, at)
  const first = checkedLine(text.slice(at, end), true)
  let line = end + 1
  let parts: string[] | undefined
  for (;;) {
    let blanks = 0
    let next = line
    while (next < text.length && text.charCodeAt(next + indentOf(text, next)) === Code.Newline) {
      next += indentOf(text, next) + 1
      blanks++
    }
    const indent = next < text.length ? indentOf(text, next) : 0
    if (next >= text.length || indent <= parentIndent) break
    const lineEndAt = lineEnd(text, next)
    parts ??= [first]
    parts.push(
      blanks === 0 ? ' ' : '\n'.repeat(blanks),
      checkedLine(text.slice(next + indent, lineEndAt), false),
    )
    line = lineEndAt + 1
  }
  return { text: parts === undefined ? first : parts.join(''), next: line }
}

// One line of a plain scalar, without its trailing spaces: it may not hold a `key: ` or a
// comment, and the first may not start with an indicator.
function checkedLine(content: string, first: boolean): string {
  let end = content.length
  while (content.charCodeAt(end - 1) === Code.Space) end--
  const line = content.slice(0, end)
  if (first && isIndicator(line.charCodeAt(0))) {
    const lead = line[0]
    const second = line.charCodeAt(1)
    if (
      !(lead === '-' || lead === '?' || lead === ':') ||
      second === Code.Space ||
      Number.isNaN(second)
    )
      outside()
  }
  if (
    line === '' ||
    line[0] === '#' ||
    isKeyText(line) ||
    line.includes('\t') ||
    line.includes(' #')
  )
    outside()
  return line
}
