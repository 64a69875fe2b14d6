import { toHeaders } from '../cassette/header-map.js'
import type { TimingOption } from '../options.js'
import type { Interaction } from '../types.js'
import { createChunkStream } from './event-stream.js'
import { splitStream, streamKind } from './split-events.js'
import { statusText } from './status-text.js'

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
  /** Set for streamed content types: the body cut into events or lines. */
  chunks: Uint8Array<ArrayBuffer>[] | undefined
}

// Statuses a Response must not have a body for.
const NULL_BODY = new Set([101, 103, 204, 205, 304])
// The client's transport decides framing: never replay the recorded length or chunking.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding'])
const FRAMING_AND_ENCODING = new Set([...FRAMING_HEADERS, 'content-encoding'])

const encoder = new TextEncoder()
const prepared = new WeakMap<Interaction, PreparedResponse>()

/** Replay delays in ms, resolved from the `timing` option for one interaction. */
export interface Delays {
  headers: number
  event: number
}

/** The delays the `timing` option asks for. */
export function resolveDelays(timing: TimingOption | undefined, interaction: Interaction): Delays {
  if (timing === undefined || timing === 'instant') return { headers: 0, event: 0 }
  if (timing === 'recorded') return { headers: interaction.response.durationMs, event: 0 }
  const headers =
    timing.headersDelayMs === 'recorded'
      ? interaction.response.durationMs
      : (timing.headersDelayMs ?? 0)
  return { headers, event: timing.eventDelayMs ?? 0 }
}

/**
 * Builds the Fetch `Response` for a recorded interaction: status, status text and every header
 * value; the body byte-exact, streamed one SSE event (or NDJSON line) per chunk.
 *
 * @param interaction - The recorded interaction.
 * @param eventDelayMs - Wait between streamed chunks.
 * @param signal - The request's abort signal: an abort errors a streamed body, as in fetch.
 */
export function buildResponse(
  interaction: Interaction,
  eventDelayMs = 0,
  signal?: AbortSignal,
): Response {
  const response = prepare(interaction)
  const body = response.chunks
    ? createChunkStream(response.chunks, eventDelayMs, signal)
    : response.body
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
  const headers = toHeaders(recorded.headers, decoded ? FRAMING_AND_ENCODING : FRAMING_HEADERS)
  // Copied once, so the Response owns plain ArrayBuffer-backed bytes (yaml gives a Buffer view).
  const bytes =
    typeof recorded.body === 'string'
      ? encoder.encode(recorded.body)
      : new Uint8Array(recorded.body)
  const kind =
    typeof recorded.body === 'string' ? streamKind(headers.get('content-type') ?? '') : undefined
  const hasBody = !NULL_BODY.has(recorded.code)
  const result: PreparedResponse = {
    status: recorded.code,
    statusText: statusText(recorded.status, recorded.code),
    headers: [...headers],
    body: hasBody ? bytes : null,
    chunks:
      hasBody && kind && typeof recorded.body === 'string'
        ? splitStream(recorded.body, kind).map((piece) => encoder.encode(piece))
        : undefined,
  }
  prepared.set(interaction, result)
  return result
}
