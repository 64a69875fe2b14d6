import { describe, expect, test } from 'vitest'
import { normalizeUrl } from './normalize-url.js'

const key = (url: string) => normalizeUrl(new URL(url))

describe('normalizeUrl', () => {
  test('scheme and host compare case-insensitively', () => {
    expect(key('HTTPS://API.Example.TEST/v1/items')).toBe(key('https://api.example.test/v1/items'))
  })

  test('the path compares exactly', () => {
    expect(key('https://a.test/v1/Items')).not.toBe(key('https://a.test/v1/items'))
    expect(key('https://a.test/v1/items/')).not.toBe(key('https://a.test/v1/items'))
  })

  test('default ports are ignored, other ports are not', () => {
    expect(key('https://a.test:443/x')).toBe(key('https://a.test/x'))
    expect(key('http://a.test:80/x')).toBe(key('http://a.test/x'))
    expect(key('https://a.test:8443/x')).not.toBe(key('https://a.test/x'))
    expect(key('http://a.test:443/x')).not.toBe(key('http://a.test/x'))
    expect(key('https://a.test:80/x')).toBe('https://a.test:80/x')
  })

  test('the scheme still counts', () => {
    expect(key('http://a.test/x')).not.toBe(key('https://a.test/x'))
  })

  test('query parameter order does not matter', () => {
    expect(key('https://a.test/x?b=2&a=1&c=3')).toBe(key('https://a.test/x?a=1&c=3&b=2'))
  })

  test('repeated parameters count as often as they appear', () => {
    expect(key('https://a.test/x?a=1&a=2')).toBe(key('https://a.test/x?a=2&a=1'))
    expect(key('https://a.test/x?a=1&a=1')).not.toBe(key('https://a.test/x?a=1'))
    expect(key('https://a.test/x?a=1&a=2')).not.toBe(key('https://a.test/x?a=1'))
  })

  test('parameter values compare exactly, encoding aside', () => {
    expect(key('https://a.test/x?q=a%20b')).toBe(key('https://a.test/x?q=a+b'))
    expect(key('https://a.test/x?q=A')).not.toBe(key('https://a.test/x?q=a'))
  })

  test('the fragment is ignored and an empty query equals none', () => {
    expect(key('https://a.test/x#top')).toBe(key('https://a.test/x'))
    expect(key('https://a.test/x?')).toBe(key('https://a.test/x'))
  })
})
