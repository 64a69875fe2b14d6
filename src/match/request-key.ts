import type { MatchOptions } from '../options.js'
import { normalizeBody } from './normalize-body.js'
import { normalizeUrl } from './normalize-url.js'

/** The parts of a request, live or recorded, that matching looks at. */
export interface RequestParts {
  method: string
  url: string
  headers: Headers
  /** Body text as produced by {@link bodyText}. */
  body: string
}

/** Maps a request to a string; two requests match when their keys are equal. */
export type KeyFunction = (parts: RequestParts) => string

/**
 * Builds the key function for a set of match options. Every part is normalized to a string, so
 * a recorded interaction's key is computed once and a live request is found with one map lookup,
 * however large the cassette.
 */
export function createKeyFunction(
  match: MatchOptions = {},
  ignorePaths: readonly (readonly string[])[] = [],
): KeyFunction {
  const method = match.method ?? ((value: string) => value.toUpperCase())
  const url = match.url ?? normalizeUrl
  const body =
    match.body ?? ((text: string, type: string) => normalizeBody(text, type, ignorePaths))
  const headers = match.headers ?? false
  const headerKey =
    headers === false
      ? () => ''
      : typeof headers === 'function'
        ? headers
        : (values: Headers) =>
            headers.map((name) => `${name.toLowerCase()}:${values.get(name) ?? ''}`).join('\n')
  return (parts) =>
    [
      method === false ? '' : method(parts.method),
      url === false ? '' : url(parseUrl(parts.url)),
      headerKey(parts.headers),
      body === false ? '' : body(parts.body, parts.headers.get('content-type') ?? ''),
    ].join('\u0000')
}

function parseUrl(text: string): URL {
  try {
    return new URL(text)
  } catch {
    // A recorded URL the WHATWG parser rejects can still match the same text.
    return new URL(`invalid:${encodeURIComponent(text)}`)
  }
}
