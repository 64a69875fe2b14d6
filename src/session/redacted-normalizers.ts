import type { PartNormalizers, RequestParts } from '../match/request-parts.js'
import type { Redactor } from '../secrets/redactor.js'

/**
 * The same normalizers, with secrets replaced first, for live and recorded requests alike: a
 * recording holds `[REDACTED]` where the live request holds today's key, and both must give
 * the same key to match.
 *
 * The URL's key is remembered for each recorded URL, and the body's for each recorded body text: a client replaying a recording
 * usually sends the very text that was recorded, and then its key is one map lookup instead of
 * a redaction, a JSON parse and a canonical stringify (the largest cost of a replayed request).
 * What is remembered depends on the text and content type alone: a body holding the request's
 * own secrets (values of its secret headers or parameters) is never remembered nor looked up.
 */
export function redactNormalizers(
  normalizers: PartNormalizers,
  redactor: Redactor,
  needs: { headers: boolean },
): PartNormalizers {
  // Content type -> recorded body text -> its key.
  const bodyKeys = new Map<string, Map<string, string>>()
  // Recorded URL -> its key: a URL's key depends on its text alone.
  const urlKeys = new Map<string, string>()
  // Headers are redacted only when they are compared. Bodies always are: tokens of known
  // formats, and the values the request sent in its own secret headers, are replaced there.
  const bodyKey = (parts: RequestParts, from?: { url: string; headers: Headers }): string =>
    normalizers.body(
      override(parts, {
        body: parts.body === '' ? '' : redactor.bodyText(parts.body, parts.contentType, from),
      }),
    )
  return {
    method: normalizers.method,
    url: (parts) => {
      const known = urlKeys.get(parts.url)
      if (known !== undefined) return known
      const key = normalizers.url(override(parts, { url: redactor.url(parts.url) }))
      if (parts.recorded) urlKeys.set(parts.url, key)
      return key
    },
    headers: needs.headers
      ? (parts) =>
          normalizers.headers(override(parts, { headers: redactor.headers(parts.headers) }))
      : normalizers.headers,
    body: (parts) => {
      if (parts.body === '') return bodyKey(parts)
      const from = { url: parts.url, headers: parts.headers }
      if (redactor.holdsOwnSecrets(parts.body, parts.contentType, from)) {
        return bodyKey(parts, from)
      }
      const known = bodyKeys.get(parts.contentType)?.get(parts.body)
      if (known !== undefined) return known
      const key = bodyKey(parts)
      if (parts.recorded) {
        let byText = bodyKeys.get(parts.contentType)
        if (!byText) {
          byText = new Map()
          bodyKeys.set(parts.contentType, byText)
        }
        byText.set(parts.body, key)
      }
      return key
    },
  }
}

/**
 * `parts` with some fields replaced. Not a spread: a spread would call the lazy `headers`
 * getter of recorded parts and build a `Headers` for every interaction of the cassette.
 */
function override(parts: RequestParts, fields: Partial<RequestParts>): RequestParts {
  return {
    method: fields.method ?? parts.method,
    url: fields.url ?? parts.url,
    get headers() {
      return fields.headers ?? parts.headers
    },
    contentType: fields.contentType ?? parts.contentType,
    body: fields.body ?? parts.body,
  }
}
