// Lines and indentation of a YAML text, for the block reader: offsets into one string, no copies.

/**
 * Thrown when the text leaves the subset of YAML the block reader knows; the reader's caller
 * catches it and hands the file to the general parser. Never escapes the reader.
 */
export class Outside extends Error {}

/** Gives up on this file: the general parser reads it instead. */
export function outside(): never {
  throw new Outside()
}

/** Character codes the readers compare against. */
export const Code = {
  Tab: 9,
  Newline: 10,
  Space: 32,
  Double: 34,
  Hash: 35,
  Single: 39,
  Dash: 45,
  Colon: 58,
  Backslash: 92,
} as const

/** Offset of the newline that ends the line holding `at`, or the text's length. */
export function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at)
  return end === -1 ? text.length : end
}

/** The offset of the first character at or after `at` that is not a space. */
export function skipSpaces(text: string, at: number): number {
  let offset = at
  while (text.charCodeAt(offset) === Code.Space) offset++
  return offset
}

/** Number of spaces that open the line starting at `start`. */
export function indentOf(text: string, start: number): number {
  return skipSpaces(text, start) - start
}

/**
 * Start of the first line at or after `start` with something on it, or the text's length.
 * Blank lines are passed over; a comment line or a tab where indentation is gives up, as the
 * files this reader is for have neither.
 */
export function nextContentLine(text: string, start: number): number {
  let line = start
  while (line < text.length) {
    const first = line + indentOf(text, line)
    const code = text.charCodeAt(first)
    if (code === Code.Hash || code === Code.Tab) outside()
    if (code !== Code.Newline && first < text.length) return line
    line = first + 1
  }
  return text.length
}

/** Whether `at` holds a `-` that opens a sequence entry (followed by a space or the line's end). */
export function isEntryDash(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== Code.Dash) return false
  const next = text.charCodeAt(at + 1)
  return next === Code.Space || next === Code.Newline || at + 1 >= text.length
}

/** Whether only spaces are left between `at` and the end of its line. */
export function restIsBlank(text: string, at: number): boolean {
  const offset = skipSpaces(text, at)
  return offset >= text.length || text.charCodeAt(offset) === Code.Newline
}
