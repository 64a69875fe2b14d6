import { expect, test } from 'vitest'
import type { Cassette, Interaction } from '../cassette/types.js'
import type { IncomingRequest } from '../options/types.js'
import { InteractionIndex } from './interaction-index.js'
import { createPartNormalizers } from './request-parts.js'

const encoder = new TextEncoder()

function interaction(index: number, url: string, body: string): Interaction {
  return {
    id: index,
    index,
    request: {
      method: 'POST',
      url,
      body,
      headers: { 'Content-Type': ['application/json'] },
      extra: {},
    },
    response: {
      code: 200,
      status: '200 OK',
      body: `answer ${index}`,
      headers: {},
      durationMs: 0,
      uncompressed: false,
      extra: {},
    },
  }
}

function live(url: string, body: string): IncomingRequest {
  return {
    method: 'POST',
    url: new URL(url),
    headers: new Headers({ 'content-type': 'application/json' }),
    bytes: encoder.encode(body),
    text: body,
  }
}

const X = 'https://api.example.test/x'
const Y = 'https://api.example.test/y'

test('bodies are told apart within a URL, in file order, whatever the key order', () => {
  const cassette: Cassette = {
    path: '/mem/index.yaml',
    version: 2,
    interactions: [
      interaction(0, X, '{"a":1,"b":2}'),
      interaction(1, Y, '{"a":1,"b":2}'),
      interaction(2, X, '{"a":1,"b":3}'),
      interaction(3, X, '{"b":2,"a":1}'),
    ],
  }
  const index = new InteractionIndex(cassette, createPartNormalizers(), undefined)
  expect(index.matches(live(X, '{"b":2,"a":1}')).map((found) => found.index)).toEqual([0, 3])
  expect(index.matches(live(Y, '{"a":1,"b":2}')).map((found) => found.index)).toEqual([1])
  expect(index.matches(live(X, '{"a":1,"b":3}')).map((found) => found.index)).toEqual([2])
  expect(index.matches(live(X, '{"a":9}'))).toEqual([])
  expect(index.matches(live(`${X}/z`, '{"a":1,"b":2}'))).toEqual([])
})

test('an interaction recorded after its URL was looked up is found by its body', () => {
  const cassette: Cassette = {
    path: '/mem/index.yaml',
    version: 2,
    interactions: [interaction(0, X, '{"a":1}')],
  }
  const index = new InteractionIndex(cassette, createPartNormalizers(), undefined)
  // The first lookup on X indexes X's bodies; the recording comes after.
  expect(index.matches(live(X, '{"a":2}'))).toEqual([])
  index.add(interaction(0, X, '{"a":2}'), 'request 1 (POST x), recorded')
  index.add(interaction(0, Y, '{"a":2}'), 'request 2 (POST y), recorded')
  expect(index.matches(live(X, '{"a":2}')).map((found) => found.index)).toEqual([1])
  expect(index.matches(live(Y, '{"a":2}')).map((found) => found.index)).toEqual([2])
})
