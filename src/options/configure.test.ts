import { setupServer } from 'msw/node'
import { afterEach, describe, expect, test } from 'vitest'
import { CassetteOptionsError } from '../errors/cassette-options-error.js'
import { checkOptions, type OptionsCaller } from './check-options.js'
import { configure, resetConfiguration, resolveOptions } from './configure.js'
import { DEFAULTS } from './defaults.js'

afterEach(() => resetConfiguration())

/** The message of the CassetteOptionsError `options` throw, or `undefined` when accepted. */
function rejection(
  options: Record<string, unknown>,
  caller: OptionsCaller = 'useCassette',
): string | undefined {
  try {
    checkOptions(options, caller)
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(CassetteOptionsError)
    expect((error as CassetteOptionsError).code).toBe('ERR_CASSETTE_OPTIONS')
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
    [{ mode: 'recrod' }, '`mode` is "recrod"'],
    [{ redact: { header: ['x'] } }, '`redact.header`'],
    [{ redact: { allow: 'X-Session-Region' } }, '`redact.allow`'],
    [{ redact: { allow: [undefined] } }, '`redact.allow`'],
  ])('%o', (options, named) => {
    const message = rejection(options)
    expect(message).toContain(named)
    expect(message).toMatch(/^msw-cassette: useCassette: /)
  })

  test('accepts every documented shape', () => {
    expect(rejection({ timing: { headersDelayMs: 'recorded', eventDelayMs: 0 } })).toBeUndefined()
    expect(rejection({ timing: { headersDelayMs: 10 } })).toBeUndefined()
    expect(rejection({ timing: 'recorded', dir: 'fixtures' })).toBeUndefined()
    expect(rejection({ redact: { allow: ['X-Session-Region'] } })).toBeUndefined()
    expect(rejection({ ignoreBodyPaths: ['a.b'], match: { headers: ['x-a'] } })).toBeUndefined()
    expect(rejection({ server: setupServer() })).toBeUndefined()
  })
})

describe('an option that does not apply to the function it is given to is an error', () => {
  test('fromCassette does not take `server`: it names the option and the caller', () => {
    const message = rejection({ server: setupServer() }, 'fromCassette')
    expect(message).toContain('fromCassette: the option `server` does not apply here')
  })

  test('loadCassette takes only `dir`', () => {
    expect(rejection({ strict: true }, 'loadCassette')).toContain(
      'loadCassette: the option `strict` does not apply here',
    )
    expect(rejection({ dir: 'fixtures' }, 'loadCassette')).toBeUndefined()
  })
})

describe('resolveOptions', () => {
  test('with nothing given, every option has the default from DEFAULTS', () => {
    const resolved = resolveOptions(undefined, 'useCassette')
    expect(resolved.dir).toBe(DEFAULTS.dir)
    expect(resolved.allowRepeats).toBe(DEFAULTS.allowRepeats)
    expect(resolved.timing).toBe(DEFAULTS.timing)
    expect(resolved.strict).toBe(DEFAULTS.strict)
    expect(resolved.ignoreBodyPaths).toEqual(DEFAULTS.ignoreBodyPaths)
    expect(resolved.redact).toEqual({
      headers: [],
      query: [],
      bodyPaths: [],
      values: [],
      allow: [],
    })
  })

  test("a call's own options win over configure's; redact lists add up", () => {
    configure({ allowRepeats: true, strict: true, redact: { values: ['a'], headers: ['X-A'] } })
    const resolved = resolveOptions(
      { strict: false, redact: { values: ['b', undefined] } },
      'useCassette',
    )
    expect(resolved.allowRepeats).toBe(true)
    expect(resolved.strict).toBe(false)
    expect(resolved.redact.values).toEqual(['a', 'b'])
    expect(resolved.redact.headers).toEqual(['X-A'])
  })
})
