import { setupServer } from 'msw/node'
import { describe, expect, test } from 'vitest'
import { checkOptions } from './config.js'
import { CassetteOptionsError } from './errors/cassette-options-error.js'

/** The message of the CassetteOptionsError `options` throw, or `undefined` when accepted. */
function rejection(options: Record<string, unknown>): string | undefined {
  try {
    checkOptions(options, 'useCassette')
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(CassetteOptionsError)
    return (error as Error).message
  }
}

describe('option values of the wrong kind throw a CassetteOptionsError that names them', () => {
  test.each([
    [{ timing: { eventDelay: 20 } }, '`timing.eventDelay`'],
    [{ timing: { headersDelayMs: -5 } }, '`timing.headersDelayMs`'],
    [{ timing: { headersDelayMs: '5' } }, '`timing.headersDelayMs`'],
    [{ timing: { eventDelayMs: 'recorded' } }, '`timing.eventDelayMs`'],
    [{ timing: { eventDelayMs: Number.NaN } }, '`timing.eventDelayMs`'],
    [{ timing: [] }, '`timing`'],
    [{ timing: 'slow' }, '`timing`'],
    [{ dir: 5 }, '`dir`'],
    [{ ignoreBodyPaths: [5] }, '`ignoreBodyPaths`'],
    [{ match: { headers: ['x-tenant', 5] } }, '`match.headers`'],
    [{ server: 5 }, '`server`'],
    [{ server: {} }, '`server`'],
  ])('%o', (options, named) => {
    expect(rejection(options)).toContain(named)
  })

  test('accepts every documented shape', () => {
    expect(rejection({ timing: { headersDelayMs: 'recorded', eventDelayMs: 0 } })).toBeUndefined()
    expect(rejection({ timing: { headersDelayMs: 10 } })).toBeUndefined()
    expect(rejection({ timing: 'recorded', dir: 'fixtures' })).toBeUndefined()
    expect(rejection({ ignoreBodyPaths: ['a.b'], match: { headers: ['x-a'] } })).toBeUndefined()
    expect(rejection({ server: setupServer() })).toBeUndefined()
  })
})
