import { formatGoDuration } from '../cassette/parse-duration.js'
import type { Body } from '../cassette/types.js'
import { splitStream } from '../http/split-stream.js'
import { streamKind } from '../http/stream-kind.js'
import type { ChunkArrival } from './record-stream.js'

const encoder = new TextEncoder()

/**
 * When each piece of a streamed body arrived, as Go durations after the response headers: one
 * per SSE event or NDJSON line, as replay cuts the body, each the arrival of the network chunk
 * that held the piece's last byte. `undefined` for bodies replay does not stream.
 *
 * @param body - The recorded body.
 * @param contentType - The response's content type, which says how replay cuts the body.
 * @param arrivals - The network chunks, sizes and ms after the headers, in order.
 */
export function eventTimes(
  body: Body,
  contentType: string,
  arrivals: readonly ChunkArrival[],
): string[] | undefined {
  const kind = streamKind(contentType)
  if (kind === undefined || typeof body !== 'string' || arrivals.length === 0) return undefined
  const times: string[] = []
  let chunk = 0
  let chunkEnd = arrivals[0]?.size ?? 0
  let pieceEnd = 0
  for (const piece of splitStream(body, kind)) {
    pieceEnd += encoder.encode(piece).byteLength
    while (chunkEnd < pieceEnd && chunk < arrivals.length - 1) {
      chunk++
      chunkEnd += arrivals[chunk]?.size ?? 0
    }
    times.push(formatGoDuration(Math.max(0, arrivals[chunk]?.at ?? 0)))
  }
  return times
}
