import { RequestHandler } from 'msw'
import { bodySource } from '../http/body-source.js'
import { decodeRequestBody } from '../http/request-coding.js'
import { TextBodyRequest } from '../match/text-body-request.js'
import type { IncomingRequest } from '../options/types.js'

const decoder = new TextDecoder()
const encoder = new TextEncoder()
const EMPTY = new Uint8Array(0)
// Text whose UTF-8 bytes decode to something else: a surrogate (a lone one becomes U+FFFD;
// paired ones are left to the decoder too, to keep this test to one cheap scan) or a leading
// byte order mark, which decoders drop.
const NOT_ROUND_TRIP = /^\uFEFF|[\uD800-\uDFFF]/

/**
 * Reads an intercepted request once, from the value its body was built from where the runtime
 * keeps it, else from a clone, so the original stays readable for msw and for any other
 * handler. A body the client compressed (`Content-Encoding: gzip`, `deflate`, `br`) is seen
 * decoded, without that header, by matching and recording alike; the network still gets the
 * original.
 */
export async function readIncomingRequest(request: Request): Promise<IncomingRequest> {
  const source =
    request.body === null
      ? EMPTY
      : (bodySource(request) ?? new Uint8Array(await cloneOf(request).arrayBuffer()))
  const contentEncoding = request.headers.get('content-encoding')
  if (typeof source === 'string' && contentEncoding === null && !NOT_ROUND_TRIP.test(source)) {
    return new TextBodyRequest(request.method, new URL(request.url), request.headers, source)
  }
  const sent = typeof source === 'string' ? encoder.encode(source) : source
  const decoded = decodeRequestBody(sent, contentEncoding)
  let headers = request.headers
  if (decoded) {
    headers = new Headers(request.headers)
    headers.delete('content-encoding')
    headers.delete('content-length')
  }
  const bytes = decoded ?? sent
  let text: string | undefined
  return {
    method: request.method,
    url: new URL(request.url),
    headers,
    bytes,
    // Decoded on demand: the default matching decodes the bytes its own way.
    get text() {
      text ??= bytes.byteLength === 0 ? '' : decoder.decode(bytes)
      return text
    },
  }
}

/**
 * A clone of the request whose body is ours to read. msw 2 already clones every request once
 * before the first handler runs (`RequestHandler.cache`) and uses that copy only for its own
 * logs; reading it instead of cloning again saves a stream tee per request. When msw keeps no
 * such copy (another version), or something read it already, the request is cloned here.
 */
function cloneOf(request: Request): Request {
  const cache: unknown = (RequestHandler as { cache?: unknown }).cache
  const copy = cache instanceof WeakMap ? cache.get(request) : undefined
  return copy instanceof Request && !copy.bodyUsed && copy.body !== null ? copy : request.clone()
}
