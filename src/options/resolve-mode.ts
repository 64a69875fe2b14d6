import { CassetteOptionsError } from '../errors/cassette-options-error.js'
import { formatMessage } from '../errors/message.js'
import { MODE_ENV } from './defaults.js'
import type { RecordMode } from './types.js'

/** Every record mode, in the order messages list them. */
export const RECORD_MODES: readonly RecordMode[] = [
  'replay',
  'once',
  'new-episodes',
  'record',
  'passthrough',
]

/** Whether a value is one of the {@link RECORD_MODES}. */
export function isRecordMode(value: unknown): value is RecordMode {
  return typeof value === 'string' && (RECORD_MODES as readonly string[]).includes(value)
}

/** Whether the environment says it is a CI run: `CI` set, and not `false` or `0`. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

/**
 * The mode in force: `MSW_CASSETTE_MODE` when set (it is how a run asks to re-record without
 * editing code), else the `mode` option, else `replay` in CI and `once` elsewhere. Recording in
 * CI therefore only happens when asked for explicitly.
 *
 * @param option - The `mode` option, when given.
 * @throws {@link CassetteOptionsError} for a value that is not a mode.
 * @example resolveMode(undefined, { CI: 'true' }) // 'replay'
 */
export function resolveMode(option?: unknown, env: NodeJS.ProcessEnv = process.env): RecordMode {
  const fromEnv = env[MODE_ENV]?.trim()
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isRecordMode(fromEnv)) throw invalidMode(`the environment variable ${MODE_ENV}`, fromEnv)
    return fromEnv
  }
  if (option !== undefined) {
    if (!isRecordMode(option)) throw invalidMode('the option `mode`', option)
    return option
  }
  return isCI(env) ? 'replay' : 'once'
}

/** The error for a mode value that is not one of {@link RECORD_MODES}. */
export function invalidMode(source: string, value: unknown): CassetteOptionsError {
  const modes = RECORD_MODES.map((mode) => `'${mode}'`).join(', ')
  return new CassetteOptionsError(
    formatMessage({
      problem: `${source} is ${JSON.stringify(value)}, which is not a record mode`,
      hint: `Use one of ${modes}.`,
    }),
  )
}
