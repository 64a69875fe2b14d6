import { runInNewContext } from 'node:vm'
import { findCassetteMiss, isCassetteMiss, releaseResponseCopies } from 'msw-cassette'
import { describe, expect, test } from 'vitest'

// Run against the built package: what users import.
describe('isCassetteMiss from the built package', () => {
  test('recognises a miss made in another realm, wrapped as a cause, by its code', () => {
    const foreign = runInNewContext(
      `const miss = new Error('UnmatchedRequestError: no match'); miss.code = 'ERR_CASSETTE_UNMATCHED'; new TypeError('fetch failed', { cause: miss })`,
    ) as unknown
    expect(foreign instanceof Error).toBe(false)
    expect(isCassetteMiss(foreign)).toBe(true)
    expect(findCassetteMiss(foreign)?.message).toBe('UnmatchedRequestError: no match')
  })

  test('recognises a miss by its name when msw kept only that', () => {
    const renamed = Object.assign(new Error('no match'), { name: 'UnmatchedRequestError' })
    expect(isCassetteMiss(new Error('wrapped', { cause: renamed }))).toBe(true)
  })

  test('recognises a plain Error whose message is the stringified miss (msw 3 in a vm)', () => {
    const flattened = new Error(
      'UnmatchedRequestError: msw-cassette: no unused recorded interaction',
    )
    expect(isCassetteMiss(flattened)).toBe(true)
  })

  test('says no for other failures', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(isCassetteMiss(new TypeError('fetch failed', { cause: refused }))).toBe(false)
    expect(isCassetteMiss(undefined)).toBe(false)
    expect(isCassetteMiss('ERR_CASSETTE_UNMATCHED')).toBe(false)
  })

  test('releaseResponseCopies is exported', () => {
    expect(typeof releaseResponseCopies).toBe('function')
  })
})
