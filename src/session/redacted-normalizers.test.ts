import { expect, test } from 'vitest'
import { createPartNormalizers, type RequestParts } from '../match/request-parts.js'
import { createRedactor } from '../secrets/redactor.js'
import { redactNormalizers } from './redacted-normalizers.js'

const URL = 'https://api.example.test/v1/chat?b=2&a=1'
const redactor = createRedactor({}, {})
const plain = createPartNormalizers()
/** The key without anything remembered: the body redacted with the request's own secrets. */
const reference = (request: RequestParts) => ({
  body: plain.body({
    ...request,
    body: redactor.bodyText(request.body, request.contentType, request),
  }),
  url: plain.url({ ...request, url: redactor.url(request.url) }),
})

function parts(body: string, headers: Record<string, string> = {}, recorded = false): RequestParts {
  return {
    method: 'POST',
    url: URL,
    headers: new Headers({ 'content-type': 'application/json', ...headers }),
    contentType: 'application/json',
    body,
    ...(recorded ? { recorded: true as const } : {}),
  }
}

const KEY = 'k-live-0123456789abcdef'
const recordedBodies = [
  '{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}',
  '{"api_key":"k-old-0123456789abcdef","q":1}',
  `{"echo":"${KEY}","q":2}`,
  '{"token":"sk-proj-abcdefghijklmnopqrstuvwxyz0123"}',
  'not json at all',
]

test('a remembered key is the key a fresh normalizer computes, for every live request', () => {
  const normalizers = redactNormalizers(plain, redactor, { headers: false })
  // Recorded requests: one of them (a file go-vcr wrote unredacted) sends its own key in a
  // header and echoes it in the body.
  for (const body of recordedBodies) normalizers.body(parts(body, {}, true))
  normalizers.body(parts(`{"echo":"${KEY}","q":3}`, { 'x-api-key': KEY }, true))
  const live = [
    ...recordedBodies.map((body) => parts(body)),
    // The same texts, sent with a secret header whose value the body holds.
    ...recordedBodies.map((body) => parts(body, { 'x-api-key': KEY })),
    parts(`{"echo":"${KEY}","q":3}`, { 'x-api-key': KEY }),
    parts(`{"echo":"${KEY}","q":3}`),
    parts('{"messages":[{"content":"hi","role":"user"}],"model":"gpt-4o"}'),
  ]
  for (const request of live) {
    expect(normalizers.body(request)).toBe(reference(request).body)
    expect(normalizers.url(request)).toBe(reference(request).url)
  }
})

test("a recorded body's key is computed once; a live request sending the same text reuses it", () => {
  const seen: string[] = []
  const normalizers = redactNormalizers(
    createPartNormalizers({
      body: (text) => {
        seen.push(text)
        return text.length.toString()
      },
    }),
    redactor,
    { headers: false },
  )
  const recorded = normalizers.body(parts('{"a":1}', {}, true))
  expect(normalizers.body(parts('{"a":1}'))).toBe(recorded)
  expect(normalizers.body(parts('{"a":1}', { authorization: 'Bearer other-key-1234' }))).toBe(
    recorded,
  )
  expect(seen).toEqual(['{"a":1}'])
  // A text nobody recorded is computed each time, and not remembered.
  normalizers.body(parts('{"b":2}'))
  normalizers.body(parts('{"b":2}'))
  expect(seen).toEqual(['{"a":1}', '{"b":2}', '{"b":2}'])
})
