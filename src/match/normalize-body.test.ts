import { describe, expect, test } from 'vitest'
import { parseJsonPaths } from '../json/json-paths.js'
import { normalizeBody } from './normalize-body.js'

const JSON_TYPE = 'application/json'
const FORM_TYPE = 'application/x-www-form-urlencoded'

describe('normalizeBody', () => {
  test('JSON compares as a value: key order and white space are ignored', () => {
    const recorded = '{"model":"gpt-4o","input":[{"role":"user","content":"hi"}],"stream":true}'
    const sent =
      '{ "stream": true,\n  "input": [ { "content": "hi", "role": "user" } ],\n  "model": "gpt-4o" }'
    expect(normalizeBody(sent, JSON_TYPE)).toBe(normalizeBody(recorded, JSON_TYPE))
  })

  test('JSON is recognised by its shape when the content type is missing', () => {
    expect(normalizeBody('{"b":1,"a":2}', '')).toBe(normalizeBody('{"a":2,"b":1}', JSON_TYPE))
    expect(normalizeBody(' [1, 2]', '')).toBe(normalizeBody('[1,2]', ''))
  })

  test('JSON values still differ where they differ, array order included', () => {
    expect(normalizeBody('{"a":1}', JSON_TYPE)).not.toBe(normalizeBody('{"a":2}', JSON_TYPE))
    expect(normalizeBody('[1,2]', JSON_TYPE)).not.toBe(normalizeBody('[2,1]', JSON_TYPE))
    expect(normalizeBody('{"a":"1"}', JSON_TYPE)).not.toBe(normalizeBody('{"a":1}', JSON_TYPE))
  })

  test('vendor JSON types such as application/vnd.api+json count as JSON', () => {
    expect(normalizeBody('{"b":1,"a":2}', 'application/vnd.api+json; charset=utf-8')).toBe(
      normalizeBody('{"a":2,"b":1}', JSON_TYPE),
    )
  })

  test('form bodies compare as parameter multisets', () => {
    expect(normalizeBody('b=2&a=1', FORM_TYPE)).toBe(normalizeBody('a=1&b=2', FORM_TYPE))
    expect(normalizeBody('a=1&a=2', FORM_TYPE)).toBe(normalizeBody('a=2&a=1', FORM_TYPE))
    expect(normalizeBody('q=a+b', FORM_TYPE)).toBe(normalizeBody('q=a%20b', FORM_TYPE))
    expect(normalizeBody('a=1&a=1', FORM_TYPE)).not.toBe(normalizeBody('a=1', FORM_TYPE))
    expect(normalizeBody('a=1', FORM_TYPE)).not.toBe(normalizeBody('a=2', FORM_TYPE))
  })

  test('other bodies compare as exact text', () => {
    expect(normalizeBody('hello', 'text/plain')).toBe(normalizeBody('hello', 'text/plain'))
    expect(normalizeBody('hello ', 'text/plain')).not.toBe(normalizeBody('hello', 'text/plain'))
    expect(normalizeBody('b=2&a=1', 'text/plain')).not.toBe(normalizeBody('a=1&b=2', 'text/plain'))
  })

  test('a body that looks like JSON but is not compares as text', () => {
    expect(normalizeBody('{not json', JSON_TYPE)).toBe(normalizeBody('{not json', ''))
    expect(normalizeBody('{not json', JSON_TYPE)).not.toBe(normalizeBody('{not  json', ''))
  })

  test('an empty body equals an absent one, whatever the content type', () => {
    expect(normalizeBody('', JSON_TYPE)).toBe(normalizeBody('', ''))
    expect(normalizeBody('', FORM_TYPE)).toBe('')
    expect(normalizeBody('', 'text/plain')).not.toBe(normalizeBody(' ', 'text/plain'))
  })

  test('ignored paths are left out of the comparison', () => {
    const ignore = parseJsonPaths(['metadata.request_id'])
    const one = '{"q":"hi","metadata":{"request_id":"a1","user":"u"}}'
    const two = '{"metadata":{"user":"u","request_id":"b2"},"q":"hi"}'
    expect(normalizeBody(one, JSON_TYPE)).not.toBe(normalizeBody(two, JSON_TYPE))
    expect(normalizeBody(one, JSON_TYPE, ignore)).toBe(normalizeBody(two, JSON_TYPE, ignore))
    const other = '{"q":"bye","metadata":{"request_id":"a1","user":"u"}}'
    expect(normalizeBody(other, JSON_TYPE, ignore)).not.toBe(normalizeBody(one, JSON_TYPE, ignore))
  })

  test('`*` in an ignored path stands for any array index or key', () => {
    const ignore = parseJsonPaths(['messages.*.id', '*.trace'])
    const one = '{"messages":[{"id":1,"text":"a"},{"id":2,"text":"b"}],"x":{"trace":1,"k":0}}'
    const two = '{"messages":[{"id":9,"text":"a"},{"id":8,"text":"b"}],"x":{"trace":7,"k":0}}'
    expect(normalizeBody(one, JSON_TYPE, ignore)).toBe(normalizeBody(two, JSON_TYPE, ignore))
    const reordered = '{"messages":[{"id":1,"text":"b"},{"id":2,"text":"a"}],"x":{"trace":1,"k":0}}'
    expect(normalizeBody(reordered, JSON_TYPE, ignore)).not.toBe(
      normalizeBody(one, JSON_TYPE, ignore),
    )
  })

  test('an ignored path that is absent on one side still matches', () => {
    const ignore = parseJsonPaths(['metadata.request_id'])
    expect(normalizeBody('{"q":1,"metadata":{"request_id":"x"}}', JSON_TYPE, ignore)).toBe(
      normalizeBody('{"q":1,"metadata":{}}', JSON_TYPE, ignore),
    )
  })
})

test('bodies that differ only under a `__proto__` key do not match', () => {
  expect(normalizeBody('{"__proto__":{"x":1},"b":2}', JSON_TYPE)).not.toBe(
    normalizeBody('{"__proto__":{"x":999},"b":2}', JSON_TYPE),
  )
})
