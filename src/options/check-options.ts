import { CassetteOptionsError } from '../errors/cassette-options-error.js'
import { formatMessage } from '../errors/message.js'
import { checkFault, type Fail } from './check-faults.js'
import { checkLayout } from './check-layout.js'
import { invalidMode, isRecordMode } from './resolve-mode.js'

/** The functions that take options, each with the option names it accepts. */
const ACCEPTED = {
  configure: 'all',
  useCassette: 'all',
  withCassette: 'all',
  fromCassette: 'all but server',
  loadCassette: 'dir only',
} as const

/** A function that takes options; messages name it. */
export type OptionsCaller = keyof typeof ACCEPTED

const CASSETTE_KEYS = [
  'dir',
  'match',
  'ignoreBodyPaths',
  'matcher',
  'allowRepeats',
  'timing',
  'strict',
  'debug',
  'mode',
  'redact',
  'faults',
  'layout',
] as const
const MATCH_KEYS = ['method', 'url', 'body', 'headers'] as const
const TIMING_KEYS = ['headersDelayMs', 'eventDelayMs'] as const
const REDACT_KEYS = ['headers', 'query', 'bodyPaths', 'values', 'allow'] as const

/** The option names `caller` accepts. */
function acceptedKeys(caller: OptionsCaller): readonly string[] {
  const accepted = ACCEPTED[caller]
  if (accepted === 'dir only') return ['dir']
  if (accepted === 'all but server') return CASSETTE_KEYS
  return [...CASSETTE_KEYS, 'server']
}

/**
 * Checks the options one call was given, in one pass: every name must be one `caller` accepts
 * and every value of the right kind. Throws a {@link CassetteOptionsError} that names the caller
 * and the option.
 *
 * @param options - The options as given.
 * @param caller - The function they were given to.
 */
export function checkOptions(options: unknown, caller: OptionsCaller): void {
  const fail = (problem: string, hint?: string): never => {
    throw new CassetteOptionsError(formatMessage({ problem: `${caller}: ${problem}`, hint }))
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail(`options must be an object, got ${describe(options)}`)
  }
  const record = options as Record<string, unknown>
  const accepted = acceptedKeys(caller)
  for (const key of Object.keys(record)) {
    if (accepted.includes(key)) continue
    const known = `Known options: ${accepted.map((name) => `\`${name}\``).join(', ')}.`
    if (key === 'server' || (CASSETTE_KEYS as readonly string[]).includes(key)) {
      fail(`the option \`${key}\` does not apply here`, known)
    }
    fail(`unknown option \`${key}\``, known)
  }
  const { dir, match, ignoreBodyPaths, matcher, timing, debug, mode, redact, server, faults } =
    record
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) {
    fail('`dir` must be a folder path like "fixtures"')
  }
  if (match !== undefined) checkMatch(match, fail)
  if (ignoreBodyPaths !== undefined && !isStringList(ignoreBodyPaths)) {
    fail('`ignoreBodyPaths` must be a list of paths like ["metadata.request_id"]')
  }
  if (matcher !== undefined && typeof matcher !== 'function') {
    fail('`matcher` must be a function (request, interaction) => boolean')
  }
  for (const key of ['allowRepeats', 'strict'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'boolean') {
      fail(`\`${key}\` must be true or false`)
    }
  }
  if (timing !== undefined) checkTiming(timing, fail)
  if (debug !== undefined && typeof debug !== 'boolean' && typeof debug !== 'function') {
    fail('`debug` must be true, false or a function (line) => void')
  }
  if (mode !== undefined && !isRecordMode(mode)) throw invalidMode(`${caller}: \`mode\``, mode)
  if (redact !== undefined) checkRedact(redact, fail)
  if (faults !== undefined) checkFaults(faults, fail)
  if (record.layout !== undefined) checkLayout(record.layout, fail)
  if (server !== undefined && !isServer(server)) {
    fail('`server` must be an msw server from `setupServer()` (msw/node)')
  }
}

function checkMatch(match: unknown, fail: Fail): void {
  if (typeof match !== 'object' || match === null || Array.isArray(match)) {
    fail('`match` must be an object like { body: false }')
  }
  for (const [key, value] of Object.entries(match as object)) {
    if (!(MATCH_KEYS as readonly string[]).includes(key)) {
      fail(`unknown option \`match.${key}\``, `Known: ${names(MATCH_KEYS)}.`)
    }
    const ok =
      value === false || typeof value === 'function' || (key === 'headers' && isStringList(value))
    if (!ok) {
      fail(
        `\`match.${key}\` must be false or a normalizer function${key === 'headers' ? ' or a list of header names' : ''}`,
      )
    }
  }
}

function checkFaults(faults: unknown, fail: Fail): void {
  if (!Array.isArray(faults)) fail('`faults` must be a list like [{ status: 429 }]')
  for (const [at, fault] of (faults as unknown[]).entries()) {
    checkFault(fault, `\`faults[${at}]\``, fail)
  }
}

function checkTiming(timing: unknown, fail: Fail): void {
  if (timing === 'instant' || timing === 'recorded') return
  if (typeof timing !== 'object' || timing === null || Array.isArray(timing)) {
    fail("`timing` must be 'instant', 'recorded', { scale } or { headersDelayMs, eventDelayMs }")
  }
  if ('scale' in timing) {
    const { scale, ...rest } = timing as Record<string, unknown>
    if (Object.keys(rest).length > 0) {
      fail(
        `\`timing.scale\` plays the recorded pace and cannot be combined with ${names(Object.keys(rest))}`,
        'Use either { scale } or { headersDelayMs, eventDelayMs }.',
      )
    }
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0) {
      fail('`timing.scale` must be a number, 0 or more (1 = the recorded pace, 0 = instant)')
    }
    return
  }
  for (const [key, value] of Object.entries(timing as object)) {
    if (!(TIMING_KEYS as readonly string[]).includes(key)) {
      fail(`unknown option \`timing.${key}\``, `Known: ${names([...TIMING_KEYS, 'scale'])}.`)
    }
    const delay = typeof value === 'number' && Number.isFinite(value) && value >= 0
    if (value !== undefined && !delay && !(key === 'headersDelayMs' && value === 'recorded')) {
      fail(
        `\`timing.${key}\` must be a number of milliseconds, 0 or more${key === 'headersDelayMs' ? ", or 'recorded'" : ''}`,
      )
    }
  }
}

function checkRedact(redact: unknown, fail: Fail): void {
  if (typeof redact !== 'object' || redact === null || Array.isArray(redact)) {
    fail("`redact` must be an object like { headers: ['X-Secret'], values: [process.env.API_KEY] }")
  }
  for (const [key, list] of Object.entries(redact as object)) {
    if (!(REDACT_KEYS as readonly string[]).includes(key)) {
      fail(`unknown option \`redact.${key}\``, `Known: ${names(REDACT_KEYS)}.`)
    }
    // `values` may hold `undefined`, so `[process.env.API_KEY]` works when the variable is unset.
    const ok =
      Array.isArray(list) &&
      list.every(
        (item: unknown) => typeof item === 'string' || (key === 'values' && item === undefined),
      )
    if (!ok) fail(`\`redact.${key}\` must be a list of strings`)
  }
}

function isServer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const server = value as Record<string, unknown>
  return typeof server.use === 'function' && typeof server.listHandlers === 'function'
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item: unknown) => typeof item === 'string')
}

function names(keys: readonly string[]): string {
  return keys.map((name) => `\`${name}\``).join(', ')
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value
}
