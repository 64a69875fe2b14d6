import { recordedChunkSizes } from '../cassette/event-times.js'
import { toHeaders } from '../cassette/header-map.js'
import type { Interaction } from '../cassette/types.js'
import { FRAMING_AND_ENCODING_HEADERS, FRAMING_HEADERS } from '../http/framing.js'
import { splitStream } from '../http/split-stream.js'
import { NULL_BODY_STATUSES, statusText } from '../http/status.js'
import { streamKind } from '../http/stream-kind.js'
import { type BrokenEnd, createChunkStream } from './chunk-stream.js'

/** Everything about a recorded response that does not change between replays. */
interface PreparedResponse {
  status: number
  statusText: string
  /**
   * Every header value as name/value pairs. A plain list, not a `Headers`: msw's interceptors
   * wrap the global `Headers` constructor, so building one per response costs more than the
   * `Response` constructor's own copy of a list.
   */
  headers: [string, string][]
  /** `null` for statuses that carry no body. */
  body: Uint8Array<ArrayBuffer> | null
  /**
   * Set for streamed content types, the body cut into events or lines; and for other bodies
   * recorded in pieces, the body cut where those pieces ended.
   */
  chunks: Uint8Array<ArrayBuffer>[] | undefined
}

const encoder = new TextEncoder()
const prepared = new WeakMap<Interaction, PreparedResponse>()

/**
 * Builds the Fetch `Response` for a recorded interaction: status, status text and every header
 * value; the body byte-exact, streamed one SSE event (or NDJSON line) per chunk.
 *
 * @param interaction - The recorded interaction.
 * @param eventWaits - Wait between streamed chunks, or before each (see `createChunkStream`).
 * @param signal - The request's abort signal: an abort errors a streamed body, as in fetch.
 * @param broken - A fault that ends the body early; a body that is not a stream is one chunk.
 */
export function buildResponse(
  interaction: Interaction,
  eventWaits: number | readonly number[] = 0,
  signal?: AbortSignal,
  broken?: BrokenEnd,
): Response {
  const response = prepare(interaction)
  const chunks = response.chunks ?? (broken && response.body ? [response.body] : undefined)
  const body = chunks ? createChunkStream(chunks, eventWaits, signal, broken) : response.body
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}

function prepare(interaction: Interaction): PreparedResponse {
  const cached = prepared.get(interaction)
  if (cached) return cached
  const recorded = interaction.response
  // A text body was stored decoded (gzip bytes are never valid text), as was one go-vcr marks
  // `uncompressed`: the client must not try to decode it again.
  const decoded = recorded.uncompressed || typeof recorded.body === 'string'
  const headers = toHeaders(
    recorded.headers,
    decoded ? FRAMING_AND_ENCODING_HEADERS : FRAMING_HEADERS,
  )
  // Copied once, so the Response owns plain ArrayBuffer-backed bytes (yaml gives a Buffer view).
  const bytes =
    typeof recorded.body === 'string'
      ? encoder.encode(recorded.body)
      : new Uint8Array(recorded.body)
  const kind =
    typeof recorded.body === 'string' ? streamKind(headers.get('content-type') ?? '') : undefined
  const hasBody = !NULL_BODY_STATUSES.has(recorded.code)
  const result: PreparedResponse = {
    status: recorded.code,
    statusText: statusText(recorded.status, recorded.code),
    headers: [...headers],
    body: hasBody ? bytes : null,
    chunks: !hasBody
      ? undefined
      : kind && typeof recorded.body === 'string'
        ? splitStream(recorded.body, kind).map((piece) => encoder.encode(piece))
        : cutAt(bytes, recordedChunkSizes(interaction, bytes.byteLength)),
  }
  prepared.set(interaction, result)
  return result
}

/** The bytes cut into pieces of the given sizes, or `undefined` without sizes. */
function cutAt(
  bytes: Uint8Array<ArrayBuffer>,
  sizes: readonly number[] | undefined,
): Uint8Array<ArrayBuffer>[] | undefined {
  if (sizes === undefined) return undefined
  let offset = 0
  return sizes.map((size) => {
    const piece = bytes.slice(offset, offset + size)
    offset += size
    return piece
  })
}
