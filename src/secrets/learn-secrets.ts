/** Learned values shorter than this are not replaced elsewhere: `1` or `yes` would wreck text. */
export const LEARNED_MIN_LENGTH = 8

/**
 * The secrets inside one value of a secret header or parameter, to be replaced wherever else
 * they appear (a key the server echoes back, a token also sent in the body): the value, the
 * credential after an `Authorization` scheme word, for `Basic` its base64 text, the decoded
 * `user:password` and the password, and each cookie's value.
 *
 * @param value - The header or parameter value as sent.
 */
export function secretsInValue(value: string): string[] {
  const found = [value]
  const scheme = /^([A-Za-z][\w-]*)\s+(\S+)$/.exec(value.trim())
  if (scheme?.[2]) {
    found.push(scheme[2])
    if (scheme[1]?.toLowerCase() === 'basic') found.push(...basicParts(scheme[2]))
  }
  for (const part of value.split(';')) {
    const equals = part.indexOf('=')
    if (equals > 0) found.push(part.slice(equals + 1).trim())
  }
  return found.filter((item) => item.length >= LEARNED_MIN_LENGTH && !item.includes('[REDACTED]'))
}

/** `user:password` and `password` from Basic credentials, when they decode to text. */
function basicParts(encoded: string): string[] {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  // Printable text with a colon; random base64 decodes to bytes that are not.
  if (!/^[\x20-\x7e]*:[\x20-\x7e]*$/.test(decoded)) return []
  return [decoded, decoded.slice(decoded.indexOf(':') + 1)]
}
