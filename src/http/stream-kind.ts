/** How a streamed body is cut into chunks: SSE events, or lines (NDJSON, JSON Lines). */
export type StreamKind = 'events' | 'lines'

/**
 * The streaming kind of a content type: Server-Sent Events split on blank lines, NDJSON and
 * JSON Lines on line ends, anything else is not streamed.
 */
export function streamKind(contentType: string): StreamKind | undefined {
  const type = contentType.toLowerCase()
  if (type.includes('text/event-stream')) return 'events'
  if (
    type.includes('application/x-ndjson') ||
    type.includes('application/jsonl') ||
    type.includes('application/json-seq')
  ) {
    return 'lines'
  }
  return undefined
}
