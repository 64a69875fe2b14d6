import type { HeaderMap } from '../types.js'

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

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
  const map: HeaderMap = {}
  for (const [name, value] of headers) {
    if (skip.has(name)) continue
    const key = canonicalHeaderKey(name)
    const list = map[key]
    if (list) list.push(value)
    else map[key] = [value]
  }
  return sortKeys(map)
}

/** The same map with its keys in sorted order (YAML keeps insertion order). */
export function sortKeys<T>(map: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {}
  for (const key of Object.keys(map).sort()) sorted[key] = map[key] as T
  return sorted
}
