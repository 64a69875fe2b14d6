import { Code, lineEnd, outside, restIsBlank, skipSpaces } from './block-text.js'
import { isIndicator, isNullText } from './plain-scalar.js'
import { type Backslashes, readQuoted } from './quoted-scalar.js'

/** A flow sequence, and the start of the line after it. */
export interface FlowSequence {
  items: (string | null)[]
  next: number
}

/**
 * Reads a flow sequence of scalars on one line, `[a, 'b c', "d"]`, whose `[` is at `at`: the
 * compact layout writes header values so. Nested collections, pairs, comments and sequences
 * over several lines are left to the general parser.
 */
export function readFlowSequence(
  text: string,
  at: number,
  parentIndent: number,
  backslashes: Backslashes,
): FlowSequence {
  const end = lineEnd(text, at)
  const items: (string | null)[] = []
  let offset = skipSpaces(text, at + 1)
  if (text.charCodeAt(offset) === 0x5d) return closed(text, offset, items)
  for (;;) {
    const code = text.charCodeAt(offset)
    if (code === Code.Single || code === Code.Double) {
      const scalar = readQuoted(text, offset, parentIndent, backslashes)
      if (scalar.end > end) outside()
      items.push(scalar.value)
      offset = skipSpaces(text, scalar.end)
    } else {
      let stop = offset
      while (stop < end && !isItemEnd(text.charCodeAt(stop))) stop++
      let last = stop
      while (text.charCodeAt(last - 1) === Code.Space) last--
      const item = text.slice(offset, last)
      if (
        item === '' ||
        isIndicator(item.charCodeAt(0)) ||
        item.includes(':') ||
        item.includes(' #')
      )
        outside()
      if (item.includes('\t')) outside()
      items.push(isNullText(item) ? null : item)
      offset = stop
    }
    const separator = text.charCodeAt(offset)
    if (separator === 0x5d) return closed(text, offset, items)
    if (separator !== 0x2c) outside()
    offset = skipSpaces(text, offset + 1)
  }
}

// A flow scalar ends at a separator, the sequence's end, or a nested collection's start.
function isItemEnd(code: number): boolean {
  return code === 0x2c || code === 0x5d || code === 0x5b || code === 0x7b || code === 0x7d
}

function closed(text: string, bracket: number, items: (string | null)[]): FlowSequence {
  if (!restIsBlank(text, bracket + 1)) outside()
  return { items, next: lineEnd(text, bracket) + 1 }
}
