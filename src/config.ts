import { checkLayoutOption } from './cassette/check-layout-option.js'
import { CassetteOptionsError } from './errors/cassette-options-error.js'
import type { CassetteOptions, RedactOptions } from './options.js'
import { checkRecordOptions } from './record/check-record-options.js'
import { checkTiming } from './replay/check-timing.js'

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof CassetteOptions | 'server'>([
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
  'layout',
  'server',
])
const MATCH_KEYS: ReadonlySet<string> = new Set(['method', 'url', 'body', 'headers'])

let globalOptions: Readonly<Record<string, unknown>> = {}

/**
 * Sets defaults for every later cassette in this process (each call merges into the last).
 *
 * @example configure({ dir: 'test/cassettes', timing: 'instant' })
 */
export function configure(options: CassetteOptions & { server?: unknown }): void {
  checkOptions(options, 'configure')
  globalOptions = merge(globalOptions, options)
}

/** Restores the built-in defaults (undoes every {@link configure} call). */
export function resetConfiguration(): void {
  globalOptions = {}
}

/**
 * The options in force for one call: its own over the configured ones. `redact` lists add up
 * instead: a call that redacts one more value must not un-redact what `configure` named.
 */
export function mergeOptions<T extends CassetteOptions>(local: T | undefined, caller: string): T {
  if (local !== undefined) checkOptions(local, caller)
  return merge(globalOptions, local ?? {}) as T
}

function merge(base: Readonly<Record<string, unknown>>, over: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...over }
  const a = base.redact as RedactOptions | undefined
  const b = (over as CassetteOptions).redact
  if (a && b) {
    merged.redact = {
      headers: [...(a.headers ?? []), ...(b.headers ?? [])],
      query: [...(a.query ?? []), ...(b.query ?? [])],
      bodyPaths: [...(a.bodyPaths ?? []), ...(b.bodyPaths ?? [])],
      values: [...(a.values ?? []), ...(b.values ?? [])],
    } satisfies RedactOptions
  }
  return merged
}

/** Throws a {@link CassetteOptionsError} for unknown option names and wrongly typed values. */
export function checkOptions(
  options: object,
  caller: string,
  extraKeys: readonly string[] = [],
): void {
  if (typeof options !== 'object' || options === null) {
    throw new CassetteOptionsError(`${caller}: options must be an object, got ${String(options)}.`)
  }
  const record = options as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key) && !extraKeys.includes(key)) {
      const known = [...KNOWN_KEYS, ...extraKeys].map((name) => `\`${name}\``).join(', ')
      throw new CassetteOptionsError(
        `${caller}: unknown option \`${key}\`. Known options: ${known}.`,
      )
    }
  }
  checkRecordOptions(record, caller)
  checkLayoutOption(record.layout, caller)
  const match = record.match
  if (match !== undefined) {
    if (typeof match !== 'object' || match === null) {
      throw new CassetteOptionsError(`${caller}: \`match\` must be an object like { body: false }.`)
    }
    for (const [key, value] of Object.entries(match)) {
      if (!MATCH_KEYS.has(key)) {
        throw new CassetteOptionsError(
          `${caller}: unknown option \`match.${key}\`. Known: \`method\`, \`url\`, \`body\`, \`headers\`.`,
        )
      }
      const ok =
        value === false || typeof value === 'function' || (key === 'headers' && isStringList(value))
      if (!ok) {
        throw new CassetteOptionsError(
          `${caller}: \`match.${key}\` must be false or a normalizer function${key === 'headers' ? ' or a list of header names' : ''}.`,
        )
      }
    }
  }
  checkTiming(record.timing, caller)
  if (record.dir !== undefined && (typeof record.dir !== 'string' || record.dir === '')) {
    throw new CassetteOptionsError(`${caller}: \`dir\` must be a folder path like 'fixtures'.`)
  }
  const server = record.server
  if (
    server !== undefined &&
    (typeof server !== 'object' ||
      server === null ||
      typeof (server as Record<string, unknown>).use !== 'function' ||
      typeof (server as Record<string, unknown>).listHandlers !== 'function')
  ) {
    throw new CassetteOptionsError(
      `${caller}: \`server\` must be an msw server from \`setupServer()\` (msw/node).`,
    )
  }
  if (record.ignoreBodyPaths !== undefined && !isStringList(record.ignoreBodyPaths)) {
    throw new CassetteOptionsError(
      `${caller}: \`ignoreBodyPaths\` must be a list of paths like ['metadata.request_id'].`,
    )
  }
  for (const key of ['allowRepeats', 'strict'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'boolean') {
      throw new CassetteOptionsError(`${caller}: \`${key}\` must be true or false.`)
    }
  }
  if (
    record.debug !== undefined &&
    typeof record.debug !== 'boolean' &&
    typeof record.debug !== 'function'
  ) {
    throw new CassetteOptionsError(
      `${caller}: \`debug\` must be true, false or a function (line) => void.`,
    )
  }
  if (record.matcher !== undefined && typeof record.matcher !== 'function') {
    throw new CassetteOptionsError(
      `${caller}: \`matcher\` must be a function (request, interaction) => boolean.`,
    )
  }
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item: unknown) => typeof item === 'string')
}
