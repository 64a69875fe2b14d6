import type { StreamKind } from '../http/stream-kind.js'

// `\r(?!\n)`: a CR that starts a CRLF must not count as a line end of its own, or a
// multi-line CRLF event (`event: a\r\ndata: 1\r\n\r\n`) would split after each line.
const EVENT_END = /(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r(?!\n)|\n)/g
const LINE_END = /\r\n|\r|\n/g

/**
 * Cuts a streamed body into the pieces the server sent: each SSE event with the blank line that
 * ends it (LF or CRLF), or each NDJSON line with its line end. The pieces joined give back the
 * body exactly.
 *
 * @example splitStream('data: a\n\ndata: b\n\n', 'events') // ['data: a\n\n', 'data: b\n\n']
 */
export function splitStream(body: string, kind: StreamKind): string[] {
  const pattern = kind === 'events' ? EVENT_END : LINE_END
  const pieces: string[] = []
  let start = 0
  pattern.lastIndex = 0
  for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
    const end = match.index + match[0].length
    pieces.push(body.slice(start, end))
    start = end
  }
  if (start < body.length) pieces.push(body.slice(start))
  return pieces
}
