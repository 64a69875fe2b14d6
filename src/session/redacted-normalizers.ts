import type { PartNormalizers, RequestParts } from '../match/request-parts.js'
import type { Redactor } from '../secrets/redactor.js'

/**
 * The same normalizers, with secrets replaced first, for live and recorded requests alike: a
 * recording holds `[REDACTED]` where the live request holds today's key, and both must give
 * the same key to match.
 */
export function redactNormalizers(
  normalizers: PartNormalizers,
  redactor: Redactor,
  needs: { headers: boolean },
): PartNormalizers {
  // Headers are redacted only when they are compared. Bodies always are: tokens of known
  // formats, and the values the request sent in its own secret headers, are replaced there.
  return {
    method: normalizers.method,
    url: (parts) => normalizers.url(override(parts, { url: redactor.url(parts.url) })),
    headers: needs.headers
      ? (parts) =>
          normalizers.headers(override(parts, { headers: redactor.headers(parts.headers) }))
      : normalizers.headers,
    body: (parts) =>
      normalizers.body(
        override(parts, {
          body:
            parts.body === ''
              ? ''
              : redactor.bodyText(parts.body, parts.contentType, {
                  url: parts.url,
                  headers: parts.headers,
                }),
        }),
      ),
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
