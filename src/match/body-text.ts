import type { Body } from '../cassette/types.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })
const latin1 = new TextDecoder('latin1')

/**
 * The text used to compare a body: its UTF-8 text, or, for bytes that are not UTF-8, one
 * character per byte behind a `binary:` marker so two byte strings compare exactly.
 */
export function bodyText(body: Body): string {
  if (typeof body === 'string') return body
  if (body.byteLength === 0) return ''
  try {
    return utf8.decode(body)
  } catch {
    return `binary:${latin1.decode(body)}`
  }
}
