import type { PartNormalizers } from '../match/request-key.js'
import type { Redactor } from './redactor.js'

/**
 * The same normalizers, with secrets replaced first, for live and recorded requests alike: a
 * recording holds `[REDACTED]` where the live request holds today's key, and both must give
 * the same key to match.
 */
export function redactNormalizers(
  normalizers: PartNormalizers,
  redactor: Redactor,
  needs: { headers: boolean; body: boolean },
): PartNormalizers {
  // Every request pays for what is wrapped here: headers are redacted only when they are
  // compared, bodies only when a body path or a literal value is to be redacted.
  return {
    method: normalizers.method,
    url: (parts) => normalizers.url({ ...parts, url: redactor.url(parts.url) }),
    headers: needs.headers
      ? (parts) => normalizers.headers({ ...parts, headers: redactor.headers(parts.headers) })
      : normalizers.headers,
    body: needs.body
      ? (parts) =>
          normalizers.body({ ...parts, body: redactor.bodyText(parts.body, parts.contentType) })
      : normalizers.body,
  }
}
