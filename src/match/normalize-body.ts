import { canonicalJson } from '../json/canonical-json.js'
import { type JsonPath, removeJsonPaths } from '../json/json-paths.js'

/**
 * The default body comparison value. JSON (by content type, or by shape when the type is
 * missing) compares as a value with sorted keys; `application/x-www-form-urlencoded` as a sorted
 * parameter list; anything else as its exact text. Empty and absent bodies are equal.
 *
 * @param body - The body text (binary bodies arrive as latin1 text, one char per byte).
 * @param contentType - The request's `Content-Type`, or `''`.
 * @param ignorePaths - Parsed `ignoreBodyPaths`.
 * @example normalizeBody('{"b":1, "a":2}', 'application/json') === normalizeBody('{"a":2,"b":1}', '')
 */
export function normalizeBody(
  body: string,
  contentType: string,
  ignorePaths: readonly JsonPath[] = [],
): string {
  if (body === '') return ''
  const type = contentType.toLowerCase()
  if (type.includes('application/x-www-form-urlencoded')) {
    const params = [...new URLSearchParams(body)].map(
      ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
    )
    return `form:${params.sort().join('&')}`
  }
  if (type.includes('json') || looksLikeJson(body)) {
    try {
      const value: unknown = JSON.parse(body)
      if (ignorePaths.length > 0) removeJsonPaths(value, ignorePaths)
      return canonicalJson(value, 'json:')
    } catch {
      // Not JSON after all: compare the text.
    }
  }
  return `text:${body}`
}

function looksLikeJson(body: string): boolean {
  const first = body.trimStart()[0]
  return first === '{' || first === '['
}
