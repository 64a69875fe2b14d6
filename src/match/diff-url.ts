import { normalizeUrl } from './normalize-url.js'
import { parseUrl } from './request-parts.js'
import { shortenPair } from './shorten.js'

/**
 * What differs between a recorded and a sent URL, one line per difference: scheme/host/port,
 * path, then each query parameter that differs, is missing or is extra.
 */
export function diffUrl(recordedText: string, sentText: string): string[] {
  const recorded = parseUrl(recordedText)
  const sent = parseUrl(sentText)
  const lines: string[] = []
  if (origin(recorded) !== origin(sent))
    lines.push(`origin: recorded ${origin(recorded)}, sent ${origin(sent)}`)
  if (recorded.pathname !== sent.pathname) {
    const [a, b] = shortenPair(recorded.pathname, sent.pathname)
    lines.push(`path: recorded ${a}, sent ${b}`)
  }
  const recordedQuery = groupParams(recorded.searchParams)
  const sentQuery = groupParams(sent.searchParams)
  for (const [name, values] of recordedQuery) {
    const other = sentQuery.get(name)
    if (!other) lines.push(`query parameter \`${name}\` missing: recorded ${quoteAll(values)}`)
    else if (values.join('\0') !== other.join('\0')) {
      lines.push(
        `query parameter \`${name}\`: recorded ${quoteAll(values)}, sent ${quoteAll(other)}`,
      )
    }
  }
  for (const [name, values] of sentQuery) {
    if (!recordedQuery.has(name))
      lines.push(`query parameter \`${name}\` extra: sent ${quoteAll(values)}`)
  }
  return lines
}

function origin(url: URL): string {
  try {
    return normalizeUrl(new URL('/', url)).slice(0, -1)
  } catch {
    // Opaque URLs (no host) have no origin to compare apart from the whole text.
    return url.href
  }
}

function groupParams(params: URLSearchParams): Map<string, string[]> {
  const grouped = new Map<string, string[]>()
  for (const [name, value] of params) grouped.set(name, [...(grouped.get(name) ?? []), value])
  for (const values of grouped.values()) values.sort()
  return grouped
}

function quoteAll(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(' and ')
}
