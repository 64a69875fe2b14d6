import { Code, indentOf, lineEnd, outside, restIsBlank } from './block-text.js'
import type { Scalar } from './quoted-scalar.js'

/**
 * Reads a literal block scalar (`|`, `|-`, `|+`, with or without an indentation indicator)
 * whose `|` is at `at`. Its lines are those indented at least as deep as its first line (or
 * `parentIndent` plus the indicator); `end` is the start of the first line after them.
 * Folded scalars (`>`), comments after the header and empty scalars are left to the general
 * parser: no cassette writer makes them.
 */
export function readLiteral(text: string, at: number, parentIndent: number): Scalar {
  let chomp: 'clip' | 'strip' | 'keep' = 'clip'
  let explicit = 0
  let offset = at + 1
  for (let code = text.charCodeAt(offset); ; code = text.charCodeAt(++offset)) {
    if (code === 0x2d || code === 0x2b) {
      if (chomp !== 'clip') outside()
      chomp = code === 0x2d ? 'strip' : 'keep'
    } else if (code >= 0x31 && code <= 0x39) {
      if (explicit !== 0) outside()
      explicit = code - 0x30
    } else {
      break
    }
  }
  if (!restIsBlank(text, offset)) outside()
  const first = lineEnd(text, offset) + 1
  const indent = explicit === 0 ? detectIndent(text, first, parentIndent) : parentIndent + explicit
  // The text is built from slices of the source, one per line with its line break, joined as
  // they come: V8 keeps such a string as a tree of slices until it is first read, so a body that
  // replay never reads is never copied (a join would copy every body at once).
  let body = ''
  // The latest line with content (from `last` to its line break at `lastEnd`), not yet added:
  // only the lines after it tell how its line break ends (chomping); and the empty lines seen
  // since.
  let last = -1
  let lastEnd = -1
  let empty = 0
  let line = first
  while (line < text.length) {
    const spaces = indentOf(text, line)
    const end = lineEnd(text, line)
    if (line + spaces === end && spaces <= indent) {
      empty++
    } else if (spaces < indent) {
      break
    } else {
      if (last !== -1) body += text.slice(last, lastEnd + 1)
      if (empty > 0) body += '\n'.repeat(empty)
      empty = 0
      last = line + indent
      lastEnd = end
    }
    line = end + 1
  }
  if (last === -1) outside()
  const value =
    chomp === 'strip'
      ? body + text.slice(last, lastEnd)
      : body + text.slice(last, lastEnd + 1) + (chomp === 'keep' ? '\n'.repeat(empty) : '')
  return { value, end: Math.min(line, text.length) }
}

// The indentation of the first line with content; the blank lines before it may not be deeper.
function detectIndent(text: string, first: number, parentIndent: number): number {
  let deepestBlank = 0
  for (let line = first; line < text.length; line = lineEnd(text, line) + 1) {
    const spaces = indentOf(text, line)
    const code = text.charCodeAt(line + spaces)
    if (code === Code.Newline) {
      deepestBlank = Math.max(deepestBlank, spaces)
      continue
    }
    if (spaces <= parentIndent || deepestBlank > spaces) outside()
    return spaces
  }
  return outside()
}
