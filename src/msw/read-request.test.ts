import { expect, test } from 'vitest'
import { bodyText } from '../match/body-text.js'
import { liveParts } from '../match/request-parts.js'
import { readIncomingRequest } from './read-request.js'

const URL = 'http://api.example.test/v1'
const encoder = new TextEncoder()

const strings: [string, string][] = [
  ['JSON', '{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}'],
  ['accents and emoji', '{"text":"héllo ✓ \u{1F600}"}'],
  ['a lone surrogate', '{"text":"a\uD800b"}'],
  ['a leading byte order mark', '\uFEFF{"a":1}'],
  ['a byte order mark inside', '{"a":"\uFEFF"}'],
  ['nothing', ''],
]

test.each(strings)('a body sent as a string (%s) reads as its UTF-8 bytes', async (_name, body) => {
  const request = new Request(URL, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  })
  const incoming = await readIncomingRequest(request)
  const bytes = encoder.encode(body)
  // What matching compares, and what a matcher or a recording reads.
  expect(liveParts(incoming).body).toBe(bodyText(bytes))
  expect(incoming.text).toBe(new TextDecoder().decode(bytes))
  expect(incoming.bytes).toEqual(bytes)
  // A matcher may copy the request, as it could copy any other.
  expect({ ...incoming }.bytes).toEqual(bytes)
  // The request itself is left readable.
  expect(await request.text()).toBe(new TextDecoder().decode(bytes))
})

test('a compressed body sent as bytes is read decoded, without its coding headers', async () => {
  const { gzipSync } = await import('node:zlib')
  const request = new Request(URL, {
    method: 'POST',
    body: new Uint8Array(gzipSync('{"a":1}')),
    headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
  })
  const incoming = await readIncomingRequest(request)
  expect(liveParts(incoming).body).toBe('{"a":1}')
  expect(incoming.headers.get('content-encoding')).toBeNull()
})

test('bytes that are not UTF-8 compare as binary, and read as text with replacements', async () => {
  const bytes = new Uint8Array([0x7b, 0xff, 0x7d])
  const incoming = await readIncomingRequest(new Request(URL, { method: 'POST', body: bytes }))
  expect(liveParts(incoming).body).toBe(bodyText(bytes))
  expect(liveParts(incoming).body.startsWith('binary:')).toBe(true)
  expect(incoming.text).toBe('{\uFFFD}')
})
