import { isUint8Array } from 'node:util/types'

/** What undici keeps of a body built from a value: the value itself and its byte length. */
interface BodyState {
  source?: unknown
  length?: unknown
}

// The key of undici's per-request state, found once by probing; `null` where the runtime keeps
// that state out of reach (Node 24's undici holds it in private fields).
let stateKey: symbol | null | undefined

/**
 * What a request's body was built from, taken from where Node's fetch keeps it, so the body
 * need not be read through a stream copy: a string (the body is its UTF-8 bytes; handed over
 * as it is, since most callers want text, and encoding it only to decode it again cost as much
 * as the rest of the matching), or bytes; `undefined` when the runtime does not keep it in
 * reach, or the body was a stream, a `Blob` or `FormData`.
 *
 * Why: reading a body through Node 20's web streams costs about as much as the rest of a
 * replayed request. undici (Node 20 and 22) keeps a string or byte body's source beside its
 * stream, with its length; a source that disagrees with that length is not trusted.
 *
 * @param request - A request built by the global `Request` constructor (or a subclass).
 */
export function bodySource(request: Request): string | Uint8Array | undefined {
  if (stateKey === undefined) stateKey = findStateKey()
  if (stateKey === null) return undefined
  const state: unknown = Reflect.get(request, stateKey)
  if (typeof state !== 'object' || state === null) return undefined
  const body: unknown = Reflect.get(state, 'body')
  if (typeof body !== 'object' || body === null) return undefined
  const { source, length } = body as BodyState
  // `Buffer.byteLength` counts what `TextEncoder` would give, lone surrogates as U+FFFD.
  if (typeof source === 'string') return Buffer.byteLength(source) === length ? source : undefined
  // A copy: undici's stream hands out this very array when the request goes to the network.
  // Checked across realms: undici's arrays may come from another context than the caller's.
  if (isUint8Array(source) && source.byteLength === length) return source.slice()
  return undefined
}

/** The own symbol under which a probe request keeps its body's source, or `null`. */
function findStateKey(): symbol | null {
  const probe = 'msw-cassette body probe'
  let request: Request
  try {
    request = new Request('http://probe.invalid/', { method: 'POST', body: probe })
  } catch {
    return null
  }
  for (const key of Object.getOwnPropertySymbols(request)) {
    const state: unknown = Reflect.get(request, key)
    if (typeof state !== 'object' || state === null) continue
    const body: unknown = Reflect.get(state, 'body')
    if (typeof body !== 'object' || body === null) continue
    const { source, length } = body as BodyState
    if (source === probe && length === probe.length) return key
  }
  return null
}
