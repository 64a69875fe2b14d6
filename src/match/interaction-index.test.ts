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

/** An index of these interactions, with the default matching. */
function indexOf(...interactions: Interaction[]): InteractionIndex {
  const cassette: Cassette = { path: '/mem/index.yaml', version: 2, interactions }
  return new InteractionIndex(cassette, createPartNormalizers(), undefined)
}

const X = 'https://api.example.test/x'
const Y = 'https://api.example.test/y'

test('bodies are told apart within a URL, in file order, whatever the key order', () => {
  const index = indexOf(
    interaction(0, X, '{"a":1,"b":2}'),
    interaction(1, Y, '{"a":1,"b":2}'),
    interaction(2, X, '{"a":1,"b":3}'),
    interaction(3, X, '{"b":2,"a":1}'),
  )
  expect(index.matches(live(X, '{"b":2,"a":1}')).map((found) => found.index)).toEqual([0, 3])
  expect(index.matches(live(Y, '{"a":1,"b":2}')).map((found) => found.index)).toEqual([1])
  expect(index.matches(live(X, '{"a":1,"b":3}')).map((found) => found.index)).toEqual([2])
  expect(index.matches(live(X, '{"a":9}'))).toEqual([])
  expect(index.matches(live(`${X}/z`, '{"a":1,"b":2}'))).toEqual([])
})

test('an interaction recorded after its URL was looked up is found by its body', () => {
  const index = indexOf(interaction(0, X, '{"a":1}'))
  // The first lookup on X indexes X's bodies; the recording comes after.
  expect(index.matches(live(X, '{"a":2}'))).toEqual([])
  index.add(interaction(0, X, '{"a":2}'), 'request 1 (POST x), recorded')
  index.add(interaction(0, Y, '{"a":2}'), 'request 2 (POST y), recorded')
  expect(index.matches(live(X, '{"a":2}')).map((found) => found.index)).toEqual([1])
  expect(index.matches(live(Y, '{"a":2}')).map((found) => found.index)).toEqual([2])
})

test('recorded requests are keyed only as far as the lookups reach, in file order', () => {
  const interactions = Array.from({ length: 100 }, (_, index) =>
    interaction(index, `${X}/${index}`, '{"a":1}'),
  )
  const normalizers = createPartNormalizers()
  const keyed: string[] = []
  const index = new InteractionIndex(
    { path: '/mem/index.yaml', version: 2, interactions },
    {
      ...normalizers,
      url: (parts) => {
        if (parts.recorded) keyed.push(parts.url)
        return normalizers.url(parts)
      },
    },
    undefined,
  )
  expect(keyed).toEqual([])
  expect(index.take(live(`${X}/0`, '{"a":1}'), false, 'request 1')).toMatchObject({
    kind: 'hit',
    interaction: { index: 0 },
  })
  expect(keyed).toHaveLength(1)
  expect(index.take(live(`${X}/5`, '{"a":1}'), false, 'request 2')).toMatchObject({
    kind: 'hit',
    interaction: { index: 5 },
  })
  expect(keyed).toHaveLength(6)
  // A miss has to look at every interaction.
  expect(index.take(live(`${X}/none`, '{"a":1}'), false, 'request 3')).toEqual({ kind: 'miss' })
  expect(keyed).toHaveLength(100)
})

test('filing on demand keeps the replay order: first unused match, then used-up or repeats', () => {
  const index = indexOf(
    interaction(0, X, '{"a":1}'),
    interaction(1, Y, '{"a":1}'),
    interaction(2, X, '{"a":1}'),
    interaction(3, X, '{"a":2}'),
  )
  const indexes = (result: ReturnType<InteractionIndex['take']>) =>
    result.kind === 'hit'
      ? { hit: result.interaction.index, skipped: result.skipped.map((found) => found.index) }
      : result.kind === 'used-up'
        ? { usedUp: result.matches.map((found) => found.index) }
        : result.kind
  const request = live(X, '{"a":1}')
  expect(indexes(index.take(request, false, 'request 1'))).toEqual({ hit: 0, skipped: [] })
  expect(indexes(index.take(request, false, 'request 2'))).toEqual({ hit: 2, skipped: [0] })
  expect(indexes(index.take(request, false, 'request 3'))).toEqual({ usedUp: [0, 2] })
  expect(indexes(index.take(request, true, 'request 4'))).toEqual({ hit: 0, skipped: [] })
  // Recorded during the run: found after every match before it.
  index.add(interaction(0, X, '{"a":1}'), 'request 5, recorded')
  index.reset()
  expect(indexes(index.take(request, false, 'request 6'))).toEqual({ hit: 0, skipped: [] })
  expect(indexes(index.take(request, false, 'request 7'))).toEqual({ hit: 2, skipped: [0] })
  expect(indexes(index.take(request, false, 'request 8'))).toEqual({ hit: 4, skipped: [0, 2] })
  expect(index.unused().map((found) => found.index)).toEqual([1, 3])
})

test('an interaction recorded before the lookups reached the end of the file is found', () => {
  const index = indexOf(interaction(0, X, '{"a":1}'), interaction(1, Y, '{"a":1}'))
  expect(index.take(live(X, '{"a":1}'), false, 'request 1')).toMatchObject({ kind: 'hit' })
  index.add(interaction(0, X, '{"a":3}'), 'request 2 (POST x), recorded')
  index.reset()
  expect(index.take(live(X, '{"a":3}'), false, 'request 3')).toMatchObject({
    kind: 'hit',
    interaction: { index: 2 },
  })
  expect(index.take(live(Y, '{"a":1}'), false, 'request 4')).toMatchObject({
    kind: 'hit',
    interaction: { index: 1 },
  })
})
