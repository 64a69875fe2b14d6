import { concatBytes } from '../http/concat-bytes.js'
import type { DispatchOptions } from './dispatch-types.js'

// Methods a Fetch Request may not carry a body for.
const NO_BODY = new Set(['GET', 'HEAD'])

/**
 * The Fetch `Request` for what a client handed the dispatcher: URL from origin and path,
 * every header, and the body read to the end (a cassette matches on it).
 *
 * @param options - The dispatch options.
 * @param signal - Aborts when the client aborts, as a fetch request's signal does.
 */
export async function toRequest(options: DispatchOptions, signal: AbortSignal): Promise<Request> {
  const url = new URL(options.path, options.origin)
  const method = options.method.toUpperCase()
  const bytes = await readBody(options.body)
  const init: RequestInit = { method, headers: toHeaders(options.headers), signal }
  if (bytes.byteLength > 0 && !NO_BODY.has(method)) init.body = bytes
  return new Request(url, init)
}

function toHeaders(raw: unknown): Headers {
  const headers = new Headers()
  const add = (name: unknown, value: unknown) => {
    if (value === undefined || value === null) return
    const values = Array.isArray(value) ? value : [value]
    for (const item of values) headers.append(String(name), String(item))
  }
  if (Array.isArray(raw)) {
    // Either `[name, value, name, value]` or `[[name, value], ...]`.
    if (raw.every((entry) => Array.isArray(entry))) {
      for (const [name, value] of raw as unknown[][]) add(name, value)
    } else {
      for (let index = 0; index + 1 < raw.length; index += 2) add(raw[index], raw[index + 1])
    }
  } else if (raw !== null && typeof raw === 'object') {
    const entries =
      raw instanceof Headers ? [...raw] : Object.entries(raw as Record<string, unknown>)
    for (const [name, value] of entries) add(name, value)
  }
  return headers
}

const encoder = new TextEncoder()

async function readBody(body: unknown): Promise<Uint8Array<ArrayBuffer>> {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (typeof body === 'string') return encoder.encode(body)
  if (body instanceof Uint8Array) return new Uint8Array(body)
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0))
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer())
  if (body instanceof FormData || body instanceof URLSearchParams) {
    return new Uint8Array(await new Response(body).arrayBuffer())
  }
  if (isIterable(body)) {
    const chunks: Uint8Array[] = []
    for await (const chunk of body) {
      chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : new Uint8Array(chunk))
    }
    return concatBytes(chunks)
  }
  return encoder.encode(String(body))
}

function isIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Symbol.asyncIterator in value || Symbol.iterator in value)
  )
}
