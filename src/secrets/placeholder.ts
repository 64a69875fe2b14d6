/**
 * Whether a value is a stand-in, not a secret: what redaction tools and people write in
 * committed cassettes (`[REDACTED]`, `REDACTED`, `<API_KEY>`, `xxxx`, `***`, `fake-key`,
 * `test`, `value`, `${TOKEN}`, an empty value, a cookie being cleared), or a credential-looking string with fewer than five
 * distinct characters (`sk-aaaaaaaaaaaaaaaaaaaaaaaa`).
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim().replace(/^(?:Bearer|Basic|Token)\s+/i, '')
  // An empty value, or a cookie being cleared (`token=; Path=/; Expires=Thu, 01 Jan 1970`).
  if (trimmed === '' || /^[\w.-]+=\s*;/.test(trimmed)) return true
  if (
    /redacted|sanitized|masked|scrubbed|omitted|filtered|removed|hidden|placeholder|dummy|example|fake|mock|your[-_ ]?/i.test(
      trimmed,
    )
  )
    return true
  if (
    /^(?:<.*>|\$\{.*\}|\{\{.*\}\}|test|secret|token|password|key|value|none|null|undefined)$/i.test(
      trimmed,
    )
  )
    return true
  const body = trimmed.replace(/^[a-z]+[-_](?:[a-z]+[-_])?/i, '')
  return new Set(body).size < 5
}
