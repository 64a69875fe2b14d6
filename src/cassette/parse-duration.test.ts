import { describe, expect, test } from 'vitest'
import { formatGoDuration, parseGoDuration } from './parse-duration.js'

describe('parseGoDuration', () => {
  test.each([
    ['0s', 0],
    ['0', 0],
    ['', 0],
    ['2.5s', 2500],
    ['1m2s', 62_000],
    ['1h0m0.5s', 3_600_500],
    ['229.655875ms', 229.655875],
    ['500ns', 0.0005],
    ['-1.5s', -1500],
    ['.5s', 500],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 9)
  })

  test('reads microseconds written with the micro sign, the Greek mu or `us`', () => {
    expect(parseGoDuration('755.667µs')).toBeCloseTo(0.755667, 9)
    expect(parseGoDuration('755.667μs')).toBeCloseTo(0.755667, 9)
    expect(parseGoDuration('755.667us')).toBeCloseTo(0.755667, 9)
  })

  test.each(['5', '1.5', 's', '1x', '1s junk', ' 1s', '1s2', '--1s'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined()
  })
})

describe('formatGoDuration', () => {
  test.each([
    [0, '0s'],
    [0.0005, '500ns'],
    [0.755667, '755.667µs'],
    [229.655875, '229.655875ms'],
    [1000, '1s'],
    [2500, '2.5s'],
    [62_000, '1m2s'],
    [3_600_000, '1h0m0s'],
    [3_723_500, '1h2m3.5s'],
    [-1500, '-1.5s'],
  ])('formats %d ms as %j, as Go prints it', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text)
  })

  test.each(['0s', '755.667µs', '229.655875ms', '2.5s', '1m2s', '1h2m3.5s'])(
    'round-trips %j',
    (text) => {
      const ms = parseGoDuration(text)
      expect(ms).toBeDefined()
      expect(formatGoDuration(ms ?? Number.NaN)).toBe(text)
    },
  )
})
