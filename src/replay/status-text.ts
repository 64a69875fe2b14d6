import { STATUS_CODES } from 'node:http'

// What the Fetch `Response` accepts as a reason phrase: tab, space, visible ASCII, obs-text.
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * The status text of a recorded `status` line (`200 OK` gives `OK`), or the standard reason
 * phrase when the line holds only the code, or text a `Response` refuses (control characters,
 * characters above U+00FF).
 */
export function statusText(status: string, code: number): string {
  const text = status.startsWith(String(code))
    ? status.slice(String(code).length).trim()
    : status.trim()
  return text === '' || !REASON_PHRASE.test(text) ? (STATUS_CODES[code] ?? '') : text
}
