import { STATUS_CODES } from 'node:http'
import { EVENT_SIZES_KEY, EVENT_TIMES_KEY } from '../cassette/event-times.js'
import { toHeaderMap } from '../cassette/header-map.js'
import type { Body, Interaction } from '../cassette/types.js'
import { HOP_BY_HOP_HEADERS } from '../http/hop-by-hop.js'
import { chunkTiming, eventTimes } from './event-times.js'
import { goPostForm } from './go-post-form.js'
import type { CapturedExchange } from './send-live.js'

// `ignoreBOM` keeps a leading byte-order mark in the text, so the body stays byte-exact.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
// Node's fetch speaks HTTP/1.1 and does not say which version a response came in.
const PROTO = { proto: 'HTTP/1.1', proto_major: 1, proto_minor: 1 } as const

/**
 * Turns a live exchange into an interaction with the fields go-vcr writes: `proto`,
 * `content_length`, `host` and `form` on the request; `proto`, `transfer_encoding`,
 * `content_length`, `uncompressed` on the response. Nothing is redacted yet.
 *
 * @param exchange - The captured exchange.
 * @param index - Its position in the cassette.
 */
export function toInteraction(exchange: CapturedExchange, index: number): Interaction {
  const { request } = exchange
  const skip = new Set(['transfer-encoding'])
  if (exchange.decoded) for (const name of ['content-encoding', 'content-length']) skip.add(name)
  const transferEncoding = (exchange.headers.get('transfer-encoding') ?? '')
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '')
  const declaredLength = Number.parseInt(exchange.headers.get('content-length') ?? '', 10)
  const reason = exchange.statusText || STATUS_CODES[exchange.status] || ''
  const body = bodyOf(exchange.body)
  const contentType = exchange.headers.get('content-type') ?? ''
  const times = eventTimes(body, contentType, exchange.arrivals)
  const chunks = times ? undefined : chunkTiming(body, contentType, exchange.arrivals)
  return {
    id: index,
    index,
    request: {
      method: request.method,
      url: request.url.href,
      body: bodyOf(request.bytes),
      // Go keeps framing and connection headers out of a request's header map.
      headers: toHeaderMap(request.headers, HOP_BY_HOP_HEADERS),
      form: goPostForm(request),
      extra: { ...PROTO, content_length: request.bytes.byteLength, host: request.url.host },
    },
    response: {
      code: exchange.status,
      status: `${exchange.status} ${reason}`.trimEnd(),
      body,
      headers: toHeaderMap(exchange.headers, skip),
      durationMs: exchange.durationMs,
      uncompressed: exchange.decoded,
      extra: {
        ...PROTO,
        ...(transferEncoding.length > 0 ? { transfer_encoding: transferEncoding } : {}),
        // As Go's client reports it: unknown (-1) for chunked and for decoded bodies.
        content_length:
          exchange.decoded || Number.isNaN(declaredLength) ? -1 : Math.max(declaredLength, -1),
        // An extension go-vcr's decoder skips: when each event arrived (see `recordedEventTimes`).
        ...(times ? { [EVENT_TIMES_KEY]: times } : {}),
        // Other bodies that came in pieces: when each piece came, and how long it was.
        ...(chunks ? { [EVENT_TIMES_KEY]: chunks.times, [EVENT_SIZES_KEY]: chunks.sizes } : {}),
      },
    },
  }
}

/** Text when the bytes are UTF-8 (go-vcr writes those as strings), else the bytes themselves. */
export function bodyOf(bytes: Uint8Array): Body {
  if (bytes.byteLength === 0) return ''
  try {
    return utf8.decode(bytes)
  } catch {
    return bytes
  }
}
