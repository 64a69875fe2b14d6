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

/** When each network chunk of a body replay does not cut by itself arrived, and its size. */
export interface ChunkTiming {
  /** Go durations after the response headers, one per chunk. */
  times: string[]
  /** Each chunk's size in bytes of the recorded body; they add up to the whole body. */
  sizes: number[]
}

/**
 * The pace of a body sent in several pieces that are neither SSE events nor NDJSON lines (a
 * chunked download, a plain-text stream): each network chunk as it arrived, so replay can hand
 * the body over in the same pieces at the same pace. `undefined` for a body that came whole, or
 * whose chunks do not add up to it.
 *
 * @param body - The recorded body.
 * @param contentType - The response's content type; SSE and NDJSON use {@link eventTimes}.
 * @param arrivals - The network chunks, sizes and ms after the headers, in order.
 */
export function chunkTiming(
  body: Body,
  contentType: string,
  arrivals: readonly ChunkArrival[],
): ChunkTiming | undefined {
  if (streamKind(contentType) !== undefined || arrivals.length < 2) return undefined
  const length = typeof body === 'string' ? encoder.encode(body).byteLength : body.byteLength
  const sizes = arrivals.map((arrival) => arrival.size)
  if (sizes.reduce((sum, size) => sum + size, 0) !== length) return undefined
  return {
    times: arrivals.map((arrival) => formatGoDuration(Math.max(0, arrival.at))),
    sizes,
  }
}
