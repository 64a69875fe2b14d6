import type { HeaderMap } from './types.js'

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** The first value of a header in go-vcr's map, by case-insensitive name, or `''`. */
export function headerValue(map: HeaderMap, name: string): string {
  const wanted = name.toLowerCase()
  for (const [key, values] of Object.entries(map)) {
    if (key.toLowerCase() === wanted) return values[0] ?? ''
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

/**
 * A header name as Go's `textproto.CanonicalMIMEHeaderKey` writes it, which is how go-vcr
 * stores names: `content-type` gives `Content-Type`. Names that are not HTTP tokens are kept
 * as given, as Go does.
 */
export function canonicalHeaderKey(name: string): string {
  if (!TOKEN.test(name)) return name
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => {
    return dash + letter.toUpperCase()
  })
}

/**
 * A Fetch `Headers` as go-vcr's header map: canonical names, sorted as Go's YAML encoder sorts
 * map keys, each with its list of values. `Set-Cookie` keeps one entry per cookie.
 *
 * @param skip - Lower-case names to leave out.
 */
export function toHeaderMap(headers: Headers, skip: ReadonlySet<string> = new Set()): HeaderMap {
  const map = new Map<string, string[]>()
  for (const [name, value] of headers) {
    if (skip.has(name)) continue
    const key = canonicalHeaderKey(name)
    const list = map.get(key)
    if (list) list.push(value)
    else map.set(key, [value])
  }
  return sortKeys(Object.fromEntries(map))
}

/**
 * The same map with its keys in sorted order, as Go's YAML encoder writes map keys (YAML keeps
 * insertion order). `Object.fromEntries` defines own properties, so a key named `__proto__`
 * stays a key.
 */
export function sortKeys<T>(map: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
