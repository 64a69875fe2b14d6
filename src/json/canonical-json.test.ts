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

test('writes values exactly as JSON.stringify does; only the key order changes', () => {
  // Keys already in order and none integer-like: then the text is JSON.stringify's own.
  const texts = [
    '{"a":[1,-0,1e21,0.1,-5e-7,12345678901234567890],"b":{"":"","c":null}}',
    '["\\u2028\\u2029","\\ud800","é\\"\\\\\\n\\t\\u0000",true,false,null,[],{}]',
    '{"E":3,"_":4,"a\\u0000b":7,"e":2,"~":5,"é":1,"\\ud83d\\ude00":6}',
    '"just a string"',
    '42',
    'null',
    '[[[[{"deep":[{"a":2,"b":1}]}]]]]',
  ]
  for (const text of texts) {
    const value: unknown = JSON.parse(text)
    expect(canonicalJson(value)).toBe(JSON.stringify(value))
  }
})

test('sorts every key as text, integer-like keys included, whatever order they came in', () => {
  const expected = '{"":"","10":1,"9":2,"b":{"a":1,"b":2}}'
  expect(canonicalJson(JSON.parse('{"b":{"b":2,"a":1},"9":2,"":"","10":1}'))).toBe(expected)
  expect(canonicalJson(JSON.parse('{"10":1,"":"","9":2,"b":{"a":1,"b":2}}'))).toBe(expected)
})
