import { bypass } from 'msw'
import { FRAMING_AND_ENCODING_HEADERS, FRAMING_HEADERS } from '../http/framing.js'
import { HOP_BY_HOP_HEADERS } from '../http/hop-by-hop.js'
import { sendingLive } from '../http/live-scope.js'
import { NULL_BODY_STATUSES } from '../http/status.js'
import type { IncomingRequest } from '../options/types.js'
import { upstreamAcceptEncoding, wasDecoded } from './content-coding.js'
import { type ChunkArrival, recordStream } from './record-stream.js'

/** Everything about one live exchange that goes into the cassette. */
export interface CapturedExchange {
  /** The request as the client sent it. */
  request: IncomingRequest
  /** The status code, e.g. `200`. */
  status: number
  /** The server's reason phrase, e.g. `OK`; may be `''`. */
  statusText: string
  /** The response headers as the server sent them. */
  headers: Headers
  /** The body is the one fetch decoded from the `Content-Encoding` the server used. */
  decoded: boolean
  /** The body the client received. */
  body: Uint8Array
  /** The client stopped reading before the server finished. */
  cut: boolean
  /** Time from sending the request to the response headers, in ms. */
  durationMs: number
  /** Each body chunk as it arrived: size, and ms after the headers. Empty for no body. */
  arrivals: ChunkArrival[]
}

/** A live response for the client, and its recording, complete when the body ends. */
export interface LiveExchange {
  /** For the client: the server's status and headers, the body streaming through. */
  response: Response
  /** Settles when the body has ended; rejects when it broke off. */
  captured: Promise<CapturedExchange>
}

/**
 * Sends an intercepted request to the real server, past msw (`bypass`), and answers with the
 * server's response as it arrives. Redirects are not followed here: the client follows them,
 * each hop a request of its own, as go-vcr records them.
 *
 * @param request - The intercepted request; its body must be unread (read a clone).
 * @param incoming - The same request, already read, for the recording.
 */
export async function sendLive(request: Request, incoming: IncomingRequest): Promise<LiveExchange> {
  // Without the client's signal: a client that aborts mid-stream must not cut the recording.
  const outgoing = new Request(bypass(request, { redirect: 'manual' }), { signal: null })
  // A client that streamed its body (node:http without Content-Length, a Readable body) sent it
  // chunked; fetch frames the bytes itself and refuses the client's framing headers.
  for (const name of HOP_BY_HOP_HEADERS) outgoing.headers.delete(name)
  outgoing.headers.set(
    'accept-encoding',
    upstreamAcceptEncoding(request.headers.get('accept-encoding')),
  )
  const started = performance.now()
  // Marked as msw-cassette's own, so the dispatcher below msw sends it instead of answering it.
  const upstream = await sendingLive(() => fetch(outgoing))
  const headersAt = performance.now()
  const durationMs = headersAt - started
  const decoded = wasDecoded(upstream.headers.get('content-encoding'))
  const headers = new Headers(upstream.headers)
  for (const name of decoded ? FRAMING_AND_ENCODING_HEADERS : FRAMING_HEADERS) headers.delete(name)
  const base = {
    request: incoming,
    status: upstream.status,
    statusText: upstream.statusText,
    headers: upstream.headers,
    decoded,
    durationMs,
  }
  const init = { status: upstream.status, statusText: upstream.statusText, headers }
  if (upstream.body === null || NULL_BODY_STATUSES.has(upstream.status)) {
    await upstream.body?.cancel()
    return {
      response: new Response(null, init),
      captured: Promise.resolve({ ...base, body: new Uint8Array(0), cut: false, arrivals: [] }),
    }
  }
  const { stream, done } = recordStream(upstream.body)
  return {
    response: new Response(stream, init),
    captured: done.then((record) => ({
      ...base,
      body: record.bytes,
      cut: record.cut,
      // Relative to the headers, as replay waits them.
      arrivals: record.arrivals.map(({ size, at }) => ({ size, at: at - headersAt })),
    })),
  }
}
