import { REDACTED } from '../options/defaults.js'
import type { NameRule } from './secret-names.js'

/**
 * Replaces the values of secret query parameters in a URL, keeping every other byte of it as
 * it was (parameter order, encoding, fragment), so a redacted URL still reads like the
 * original.
 *
 * @param url - The URL text.
 * @param isSecret - Whether a (decoded) parameter name holds a secret.
 * @example redactQuery('https://x.test/v1?key=abc&q=1', isSecretName) // 'https://x.test/v1?key=[REDACTED]&q=1'
 */
export function redactQuery(url: string, isSecret: NameRule): string {
  const start = url.indexOf('?')
  if (start < 0) return url
  const hash = url.indexOf('#', start)
  const end = hash < 0 ? url.length : hash
  return `${url.slice(0, start + 1)}${redactParams(url.slice(start + 1, end), isSecret)}${url.slice(end)}`
}

/**
 * Replaces the values of secret parameters in `a=1&b=2` text: a query string, or an
 * `application/x-www-form-urlencoded` body.
 */
export function redactParams(text: string, isSecret: NameRule): string {
  return text
    .split('&')
    .map((param) => {
      const equals = param.indexOf('=')
      const rawName = equals < 0 ? param : param.slice(0, equals)
      return rawName !== '' && isSecret(decodeName(rawName)) ? `${rawName}=${REDACTED}` : param
    })
    .join('&')
}

/**
 * The values of secret parameters in `a=1&b=2` text, as written and decoded: the redactor
 * learns them, and an echo may carry either form.
 */
export function secretParamValues(text: string, isSecret: NameRule): string[] {
  const found: string[] = []
  for (const param of text.split('&')) {
    const equals = param.indexOf('=')
    if (equals < 0 || !isSecret(decodeName(param.slice(0, equals)))) continue
    const raw = param.slice(equals + 1)
    found.push(raw)
    const decoded = decodeName(raw)
    if (decoded !== raw) found.push(decoded)
  }
  return found
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '))
  } catch {
    return raw
  }
}
