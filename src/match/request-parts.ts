import type { JsonPath } from '../json/json-paths.js'
import type { IncomingRequest, MatchOptions } from '../options/types.js'
import { bodyText } from './body-text.js'
import { normalizeBody } from './normalize-body.js'
import { normalizeUrl } from './normalize-url.js'
import { TextBodyRequest } from './text-body-request.js'

/** The parts of a request, live or recorded, that matching looks at. */
export interface RequestParts {
  method: string
  url: string
  headers: Headers
  /** The `Content-Type` header, or `''`; read without building `headers`. */
  contentType: string
  /** Body text as produced by {@link bodyText}. */
  body: string
  /**
   * Set on a recorded request's parts. Normalizers may remember what they compute for these
   * (a cassette's requests are few and fixed) and look a live request up among them.
   */
  recorded?: true
}

/** The matching view of a live request. */
export function liveParts(request: IncomingRequest): RequestParts {
  return {
    method: request.method,
    url: request.url.href,
    headers: request.headers,
    contentType: request.headers.get('content-type') ?? '',
    body: request instanceof TextBodyRequest ? request.text : bodyText(request.bytes),
  }
}

/** The four parts a request is compared on, each normalized to a string. */
export interface PartNormalizers {
  method(parts: RequestParts): string
  url(parts: RequestParts): string
  headers(parts: RequestParts): string
  body(parts: RequestParts): string
}

/** The names of the parts, in the order keys are built and misses are explained. */
export const PART_NAMES = ['method', 'url', 'headers', 'body'] as const

/**
 * The per-part normalizers for a set of match options; a part set to `false` normalizes every
 * request to `''`, so it never tells two requests apart.
 */
export function createPartNormalizers(
  match: MatchOptions = {},
  ignorePaths: readonly JsonPath[] = [],
): PartNormalizers {
  const method = match.method ?? ((value: string) => value.toUpperCase())
  const url = match.url ?? normalizeUrl
  const body =
    match.body ?? ((text: string, type: string) => normalizeBody(text, type, ignorePaths))
  const headers = match.headers ?? false
  const headerKey =
    headers === false
      ? undefined
      : typeof headers === 'function'
        ? headers
        : (values: Headers) =>
            headers.map((name) => `${name.toLowerCase()}:${values.get(name) ?? ''}`).join('\n')
  return {
    method: (parts) => (method === false ? '' : method(parts.method)),
    url: (parts) => (url === false ? '' : url(parseUrl(parts.url))),
    // Headers not compared: `parts.headers` stays untouched, since a recorded request builds
    // its `Headers` on first access, and that build once dominated indexing a large cassette.
    headers: headerKey ? (parts) => headerKey(parts.headers) : () => '',
    body: (parts) => (body === false ? '' : body(parts.body, parts.contentType)),
  }
}

/** A request's four parts, each normalized: two requests match when all four are equal. */
export interface RequestKey {
  readonly method: string
  readonly url: string
  readonly headers: string
  readonly body: string
}

/**
 * The normalized key of a request. Every part is a string, so a recorded interaction's key is
 * computed once, and a live request is found with one map lookup however large the cassette.
 */
export function requestKey(normalizers: PartNormalizers, parts: RequestParts): RequestKey {
  return {
    method: normalizers.method(parts),
    url: normalizers.url(parts),
    headers: normalizers.headers(parts),
    body: normalizers.body(parts),
  }
}

/** A request's key without its body: the cheap parts, compared first. */
export type HeadKey = Omit<RequestKey, 'body'>

/** The key of a request without its body. */
export function headKey(normalizers: PartNormalizers, parts: RequestParts): HeadKey {
  return {
    method: normalizers.method(parts),
    url: normalizers.url(parts),
    headers: normalizers.headers(parts),
  }
}

/** The key without its body as one string, for a map lookup. */
export function joinHead(key: HeadKey): string {
  return `${key.method}\u0000${key.url}\u0000${key.headers}`
}

/** Parses a URL; one the WHATWG parser rejects becomes an opaque URL of its own text. */
export function parseUrl(text: string): URL {
  try {
    return new URL(text)
  } catch {
    // A recorded URL the parser rejects can still match the same text.
    return new URL(`invalid:${encodeURIComponent(text)}`)
  }
}
