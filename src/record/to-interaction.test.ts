import { expect, test } from 'vitest'
import type { CapturedExchange } from './send-live.js'
import { toInteraction } from './to-interaction.js'

function exchange(method: string, url: string, type: string, text: string): CapturedExchange {
  return {
    request: {
      method,
      url: new URL(url),
      headers: new Headers(type === '' ? {} : { 'content-type': type }),
      bytes: Buffer.from(text),
      text,
    },
    status: 200,
    statusText: 'OK',
    headers: new Headers(),
    decoded: false,
    body: new Uint8Array(),
    cut: false,
    durationMs: 1,
    arrivals: [],
  }
}

test('a GET with a query string records an empty form, as go-vcr does', () => {
  const interaction = toInteraction(exchange('GET', 'http://h/s?tag=a&tag=b', '', ''), 0)
  expect(interaction.request.form).toEqual({})
})

test('a url-encoded POST records the body fields only, not the query', () => {
  const type = 'application/x-www-form-urlencoded'
  const interaction = toInteraction(exchange('POST', 'http://h/f?q=1', type, 'a=1&a=2'), 0)
  expect(interaction.request.form).toEqual({ a: ['1', '2'] })
})
