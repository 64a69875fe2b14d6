import { expect, test } from 'vitest'
import { canonicalJson } from './canonical-json.js'

test('sorts keys at every level', () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
    '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
  )
})

test('a key named __proto__ is kept as a key, so bodies that differ under it stay apart', () => {
  const one = canonicalJson(JSON.parse('{"__proto__":{"x":1},"b":2}'))
  const other = canonicalJson(JSON.parse('{"__proto__":{"x":999},"b":2}'))
  expect(one).toBe('{"__proto__":{"x":1},"b":2}')
  expect(one).not.toBe(other)
})
