import type { HeaderMap } from '../types.js'

/** The first value of a header in go-vcr's map, by case-insensitive name, or `''`. */
export function headerValue(map: HeaderMap, name: string): string {
  for (const [key, values] of Object.entries(map)) {
    if (key.toLowerCase() === name) return values[0] ?? ''
  }
  return ''
}

/** go-vcr's header map as a Fetch `Headers`, skipping values the Fetch API refuses. */
export function toHeaders(map: HeaderMap, skip: ReadonlySet<string> = new Set()): Headers {
  const headers = new Headers()
  for (const [name, values] of Object.entries(map)) {
    if (skip.has(name.toLowerCase())) continue
    for (const value of values) {
      try {
        headers.append(name, value)
      } catch {
        // Invalid names or values (e.g. raw non-ASCII) cannot be sent by any client either.
      }
    }
  }
  return headers
}
