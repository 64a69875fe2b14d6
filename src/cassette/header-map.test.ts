import { describe, expect, test } from 'vitest'
import { canonicalHeaderKey, toHeaderMap } from './header-map.js'

describe('canonicalHeaderKey', () => {
  test.each([
    ['content-type', 'Content-Type'],
    ['x-api-key', 'X-Api-Key'],
    ['OPENAI-ORGANIZATION', 'Openai-Organization'],
    ['www-authenticate', 'Www-Authenticate'],
    ['x-1st-thing', 'X-1st-Thing'],
    ['etag', 'Etag'],
  ])('%s is written %s, as Go does', (name, canonical) => {
    expect(canonicalHeaderKey(name)).toBe(canonical)
  })

  test('a name that is not an HTTP token is kept as given, as Go does', () => {
    expect(canonicalHeaderKey('bad name')).toBe('bad name')
  })
})

test('a header map has sorted canonical names and one entry per cookie', () => {
  const headers = new Headers([
    ['x-b', '1'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
    ['content-type', 'text/plain'],
  ])
  expect(toHeaderMap(headers)).toEqual({
    'Content-Type': ['text/plain'],
    'Set-Cookie': ['a=1', 'b=2'],
    'X-B': ['1'],
  })
  expect(Object.keys(toHeaderMap(headers, new Set(['x-b'])))).toEqual([
    'Content-Type',
    'Set-Cookie',
  ])
})
