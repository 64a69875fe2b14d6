import { Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { toRequest } from './to-request.js'

const signal = new AbortController().signal

describe('toRequest', () => {
  test('joins origin and path, and reads a flat header list', async () => {
    const request = await toRequest(
      {
        origin: 'http://127.0.0.1:8080',
        path: '/v1/chat?x=1',
        method: 'post',
        headers: ['content-type', 'application/json', 'x-many', 'a', 'x-many', 'b'],
        body: '{"a":1}',
      },
      signal,
    )
    expect(request.url).toBe('http://127.0.0.1:8080/v1/chat?x=1')
    expect(request.method).toBe('POST')
    expect(request.headers.get('x-many')).toBe('a, b')
    expect(await request.text()).toBe('{"a":1}')
  })

  test('reads a record of headers and a streamed body to the end', async () => {
    const request = await toRequest(
      {
        origin: 'http://127.0.0.1',
        path: '/',
        method: 'PUT',
        headers: { 'x-list': ['1', '2'], 'x-one': 'v' },
        body: Readable.from([Buffer.from('ab'), 'cd']),
      },
      signal,
    )
    expect(request.headers.get('x-list')).toBe('1, 2')
    expect(await request.text()).toBe('abcd')
  })

  test('drops a body a GET cannot carry, and takes pairs of headers', async () => {
    const request = await toRequest(
      {
        origin: 'http://127.0.0.1',
        path: '/',
        method: 'GET',
        headers: [['accept', 'x/y']],
        body: '',
      },
      signal,
    )
    expect(request.body).toBeNull()
    expect(request.headers.get('accept')).toBe('x/y')
  })
})
