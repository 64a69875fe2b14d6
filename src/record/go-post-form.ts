import type { IncomingRequest } from '../options/types.js'

// Go's `ParseForm` reads a body only for these methods; go-vcr records `PostForm`, so the query
// string never reaches `form`.
const FORM_METHODS = new Set(['POST', 'PUT', 'PATCH'])
const URL_ENCODED = 'application/x-www-form-urlencoded'

/**
 * The request's `form` as go-vcr v4 records it: Go's `Request.PostForm`, filled only for POST,
 * PUT and PATCH whose `Content-Type` media type is `application/x-www-form-urlencoded`, from
 * the body alone. Every other request gets an empty map (go-vcr writes `form: {}`).
 *
 * @param request - The request as the client sent it.
 * @returns Keys in the order they first appear, each with its values in order.
 */
export function goPostForm(request: IncomingRequest): Record<string, string[]> {
  if (!FORM_METHODS.has(request.method)) return {}
  const type = request.headers.get('content-type') ?? ''
  // Go parses the media type and lower-cases it; parameters (`; charset=...`) do not count.
  if ((type.split(';')[0] ?? '').trim().toLowerCase() !== URL_ENCODED) return {}
  return goParseQuery(request.text)
}

/**
 * Go's `url.ParseQuery`: `&`-separated pairs, `+` as space, percent-decoding; a pair with a
 * `;` in its key or a bad escape is skipped, as Go skips it (go-vcr then records the rest).
 */
export function goParseQuery(query: string): Record<string, string[]> {
  const form: Record<string, string[]> = {}
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const at = pair.indexOf('=')
    const rawKey = at < 0 ? pair : pair.slice(0, at)
    if (rawKey.includes(';')) continue
    const key = queryUnescape(rawKey)
    const value = queryUnescape(at < 0 ? '' : pair.slice(at + 1))
    if (key === undefined || value === undefined) continue
    const list = form[key]
    if (list) list.push(value)
    else form[key] = [value]
  }
  return form
}

// `undefined` for what Go's `QueryUnescape` refuses: a `%` not followed by two hex digits.
function queryUnescape(text: string): string | undefined {
  const source = Buffer.from(text.replace(/\+/g, ' '), 'utf8')
  const bytes: number[] = []
  for (let i = 0; i < source.length; i++) {
    const byte = source[i] as number
    if (byte !== 0x25) {
      bytes.push(byte)
      continue
    }
    const hex = source.subarray(i + 1, i + 3).toString('latin1')
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined
    bytes.push(Number.parseInt(hex, 16))
    i += 2
  }
  return Buffer.from(bytes).toString('utf8')
}
