import { REDACTED } from '../options/defaults.js'

/**
 * Replaces the values of the named query parameters in a URL, keeping every other byte of it
 * as it was (parameter order, encoding, fragment), so a redacted URL still reads like the
 * original.
 *
 * @param url - The URL text.
 * @param names - Lower-cased parameter names.
 * @example redactQuery('https://x.test/v1?key=abc&q=1', new Set(['key'])) // 'https://x.test/v1?key=[REDACTED]&q=1'
 */
export function redactQuery(url: string, names: ReadonlySet<string>): string {
  const start = url.indexOf('?')
  if (start < 0 || names.size === 0) return url
  const hash = url.indexOf('#', start)
  const end = hash < 0 ? url.length : hash
  const params = url
    .slice(start + 1, end)
    .split('&')
    .map((param) => {
      const equals = param.indexOf('=')
      const rawName = equals < 0 ? param : param.slice(0, equals)
      return names.has(decodeName(rawName).toLowerCase()) ? `${rawName}=${REDACTED}` : param
    })
  return `${url.slice(0, start + 1)}${params.join('&')}${url.slice(end)}`
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '))
  } catch {
    return raw
  }
}
