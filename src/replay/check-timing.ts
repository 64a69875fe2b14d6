import { CassetteOptionsError } from '../errors/cassette-options-error.js'

const TIMING_KEYS: ReadonlySet<string> = new Set(['headersDelayMs', 'eventDelayMs'])

/**
 * Throws a {@link CassetteOptionsError} unless `timing` is `'instant'`, `'recorded'` or
 * `{ headersDelayMs?, eventDelayMs? }` with delays of 0 ms or more (`headersDelayMs` may be
 * `'recorded'`).
 *
 * @param timing - The option as given.
 * @param caller - Names the function in the message.
 */
export function checkTiming(timing: unknown, caller: string): void {
  if (timing === undefined || timing === 'instant' || timing === 'recorded') return
  if (typeof timing !== 'object' || timing === null || Array.isArray(timing)) {
    throw new CassetteOptionsError(
      `${caller}: \`timing\` must be 'instant', 'recorded' or { headersDelayMs, eventDelayMs }.`,
    )
  }
  for (const [key, value] of Object.entries(timing)) {
    if (!TIMING_KEYS.has(key)) {
      throw new CassetteOptionsError(
        `${caller}: unknown option \`timing.${key}\`. Known: \`headersDelayMs\`, \`eventDelayMs\`.`,
      )
    }
    const delay = typeof value === 'number' && Number.isFinite(value) && value >= 0
    if (value !== undefined && !delay && !(key === 'headersDelayMs' && value === 'recorded')) {
      throw new CassetteOptionsError(
        `${caller}: \`timing.${key}\` must be a number of milliseconds, 0 or more${key === 'headersDelayMs' ? ", or 'recorded'" : ''}.`,
      )
    }
  }
}
