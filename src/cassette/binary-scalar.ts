import { outside } from './block-text.js'

// What js-yaml takes as `!!binary`: base64 letters, `=` anywhere, line breaks between.
const BASE64_TEXT = /^[A-Za-z0-9+/=\n\r]*$/
const IGNORED = /[\r\n=]/g
const NOT_COUNTED = /[\r\n]/g

/**
 * The bytes of a `!!binary` scalar, read as js-yaml reads them: line breaks and `=` dropped,
 * and text whose length is not whole bytes refused (then the general parser reports it).
 *
 * @param text - The scalar's text.
 */
export function binaryScalar(text: string): Uint8Array {
  if (!BASE64_TEXT.test(text)) outside()
  if ((text.replace(NOT_COUNTED, '').length * 6) % 8 !== 0) outside()
  const decoded = Buffer.from(text.replace(IGNORED, ''), 'base64')
  // A copy of its own: a small Buffer is a view into a shared pool it would keep alive.
  const bytes = new Uint8Array(decoded.length)
  bytes.set(decoded)
  return bytes
}
