import { expect, test } from 'vitest'
import { upstreamAcceptEncoding, wasDecoded } from './content-coding.js'

test('a body is decoded when fetch knows every coding of Content-Encoding', () => {
  expect(wasDecoded('gzip')).toBe(true)
  expect(wasDecoded('deflate, br')).toBe(true)
  expect(wasDecoded('identity')).toBe(false)
  expect(wasDecoded('gzip, compress')).toBe(false)
  expect(wasDecoded(null)).toBe(false)
})

test('only codings fetch can decode are asked for upstream', () => {
  expect(upstreamAcceptEncoding(null)).toBe('gzip, deflate, br')
  expect(upstreamAcceptEncoding('gzip, zstd;q=1.0, br')).toBe('gzip, br')
  expect(upstreamAcceptEncoding('zstd')).toBe('identity')
  expect(upstreamAcceptEncoding('*')).toBe('*')
})
