import { describe, expect, test } from 'vitest'
import type { IncomingRequest } from '../options/types.js'
import { goParseQuery, goPostForm } from './go-post-form.js'

function request(method: string, url: string, type: string, text: string): IncomingRequest {
  const headers = new Headers(type === '' ? {} : { 'content-type': type })
  return { method, url: new URL(url), headers, bytes: Buffer.from(text), text }
}

describe('goPostForm', () => {
  test('never takes the query string, as go-vcr records PostForm', () => {
    expect(
      goPostForm(request('GET', 'http://h/search?tag=a&tag=b&q=hello%20world', '', '')),
    ).toEqual({})
    expect(
      goPostForm(request('POST', 'http://h/f?q=1', 'application/x-www-form-urlencoded', 'a=1')),
    ).toEqual({ a: ['1'] })
  })

  test('reads an url-encoded body of POST, PUT and PATCH only', () => {
    const body = 'a=1&a=2&b=x%20y'
    const type = 'application/x-www-form-urlencoded; charset=utf-8'
    expect(goPostForm(request('POST', 'http://h/form', type, body))).toEqual({
      a: ['1', '2'],
      b: ['x y'],
    })
    expect(goPostForm(request('PATCH', 'http://h/form', type, body))).toEqual({
      a: ['1', '2'],
      b: ['x y'],
    })
    expect(goPostForm(request('DELETE', 'http://h/form', type, body))).toEqual({})
    expect(goPostForm(request('POST', 'http://h/form', 'application/json', '{"a":1}'))).toEqual({})
  })

  test('skips pairs Go refuses and decodes + as a space', () => {
    expect(goParseQuery('a=%zz&b=c+d&x;y=1&&e&f=%C3%A9')).toEqual({ b: ['c d'], e: [''], f: ['é'] })
  })
})
