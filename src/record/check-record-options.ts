import { CassetteOptionsError } from '../errors/cassette-options-error.js'
import { isRecordMode, RECORD_MODES } from './resolve-mode.js'

const REDACT_KEYS = ['headers', 'query', 'bodyPaths', 'values'] as const

/**
 * Throws a {@link CassetteOptionsError} when `mode` is not a record mode or `redact` is not
 * `{ headers?, query?, bodyPaths?, values? }` with lists of strings.
 *
 * @param options - The options as given.
 * @param caller - Names the function in the message.
 */
export function checkRecordOptions(options: Record<string, unknown>, caller: string): void {
  const { mode, redact } = options
  if (mode !== undefined && !isRecordMode(mode)) {
    const modes = RECORD_MODES.map((name) => `'${name}'`).join(', ')
    throw new CassetteOptionsError(
      `${caller}: \`mode\` is ${JSON.stringify(mode)}, which is not a record mode. Use one of ${modes}.`,
    )
  }
  if (redact === undefined) return
  if (typeof redact !== 'object' || redact === null || Array.isArray(redact)) {
    throw new CassetteOptionsError(
      `${caller}: \`redact\` must be an object like { headers: ['X-Secret'], values: [process.env.API_KEY] }.`,
    )
  }
  for (const [key, list] of Object.entries(redact)) {
    if (!(REDACT_KEYS as readonly string[]).includes(key)) {
      throw new CassetteOptionsError(
        `${caller}: unknown option \`redact.${key}\`. Known: ${REDACT_KEYS.map((name) => `\`${name}\``).join(', ')}.`,
      )
    }
    // `values` may hold `undefined`, so `[process.env.API_KEY]` works when the variable is unset.
    const ok =
      Array.isArray(list) &&
      list.every(
        (item: unknown) => typeof item === 'string' || (key === 'values' && item === undefined),
      )
    if (!ok) {
      throw new CassetteOptionsError(`${caller}: \`redact.${key}\` must be a list of strings.`)
    }
  }
}
