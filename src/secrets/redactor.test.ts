import { describe, expect, test } from 'vitest'
import type { Interaction } from '../cassette/types.js'
import { redactJsonBody } from './redact-json.js'
import { redactQuery } from './redact-url.js'
import { createRedactor } from './redactor.js'

const R = '[REDACTED]'

describe('redactQuery', () => {
  test('replaces the named parameters and keeps the rest of the URL as it was', () => {
    const names = (name: string) => ['key', 'api_key'].includes(name.toLowerCase())
    expect(redactQuery('https://x.test/v1?key=abc&q=a%20b&API_KEY=d#top', names)).toBe(
      `https://x.test/v1?key=${R}&q=a%20b&API_KEY=${R}#top`,
    )
    expect(redactQuery('https://x.test/v1?keys=1&key', names)).toBe(
      `https://x.test/v1?keys=1&key=${R}`,
    )
    expect(redactQuery('https://x.test/v1', names)).toBe('https://x.test/v1')
  })
})

describe('redactJsonBody', () => {
  const paths = [
    ['user', 'email'],
    ['items', '*', 'token'],
  ]

  test('replaces paths in a JSON document and keeps its indentation and final newline', () => {
    const body = '{\n  "user": {\n    "email": "a@b.c"\n  }\n}\n'
    expect(redactJsonBody(body, 'application/json', paths)).toBe(
      `{\n  "user": {\n    "email": "${R}"\n  }\n}\n`,
    )
  })

  test('replaces paths in every SSE data line and NDJSON line, framing untouched', () => {
    const sse =
      'event: a\r\ndata: {"items":[{"token":"t1"},{"token":"t2"}]}\r\n\r\ndata: [DONE]\r\n\r\n'
    expect(redactJsonBody(sse, 'text/event-stream', paths)).toBe(
      `event: a\r\ndata: {"items":[{"token":"${R}"},{"token":"${R}"}]}\r\n\r\ndata: [DONE]\r\n\r\n`,
    )
    const ndjson = '{"user":{"email":"x"}}\n{"other":1}\n'
    expect(redactJsonBody(ndjson, 'application/x-ndjson', paths)).toBe(
      `{"user":{"email":"${R}"}}\n{"other":1}\n`,
    )
  })

  test('leaves text that is not JSON, or JSON without the paths, byte for byte', () => {
    expect(redactJsonBody('{"user": {"name": "x"}}', 'application/json', paths)).toBe(
      '{"user": {"name": "x"}}',
    )
    expect(redactJsonBody('{not json', 'application/json', paths)).toBe('{not json')
  })
})

describe('createRedactor', () => {
  const interaction: Interaction = {
    id: 0,
    index: 0,
    request: {
      method: 'POST',
      url: 'https://x.test/v1?token=t&q=1&x=sk%2Fsecret',
      body: '{"key":"sk/secret","user":{"email":"a@b.c"}}',
      headers: { Authorization: ['Bearer sk/secret'], 'X-Trace': ['trace sk/secret'] },
      form: { token: ['t'], q: ['1'] },
      extra: { request_uri: '/v1?apikey=z' },
    },
    response: {
      code: 200,
      status: '200 OK',
      body: new TextEncoder().encode('bytes sk/secret \u00ff'),
      headers: { 'Set-Cookie': ['a=1'], 'Content-Type': ['application/octet-stream'] },
      durationMs: 1,
      uncompressed: false,
      extra: {},
    },
  }
  const redactor = createRedactor({
    values: ['sk/secret', undefined, ''],
    bodyPaths: ['user.email'],
  })
  const redacted = redactor.interaction(interaction)

  test('replaces secrets everywhere they appear, in the forms they take there', () => {
    expect(redacted.request.url).toBe(`https://x.test/v1?token=${R}&q=1&x=${R}`)
    expect(redacted.request.body).toBe(`{"key":"${R}","user":{"email":"${R}"}}`)
    expect(redacted.request.headers).toEqual({ Authorization: [R], 'X-Trace': [`trace ${R}`] })
    expect(redacted.request.form).toEqual({ token: [R], q: ['1'] })
    expect(redacted.request.extra.request_uri).toBe(`/v1?apikey=${R}`)
    expect(redacted.response.headers['Set-Cookie']).toEqual([R])
    expect(new TextDecoder().decode(redacted.response.body as Uint8Array)).toBe(`bytes ${R} \u00ff`)
  })

  test('leaves the interaction it was given untouched', () => {
    expect(interaction.request.headers.Authorization).toEqual(['Bearer sk/secret'])
  })

  test('is idempotent, so recorded and live requests normalize alike', () => {
    expect(redactor.interaction(redacted)).toEqual(redacted)
    expect(redactor.url(redactor.url('https://x.test/?key=1'))).toBe(`https://x.test/?key=${R}`)
  })
})
