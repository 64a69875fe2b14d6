import type { LayoutOption } from '../cassette/choose-layout.js'
import { type DebugLog, writeDebugToStderr } from '../errors/debug-log.js'
import { checkOptions, type OptionsCaller } from './check-options.js'
import { DEBUG_ENV, DEFAULTS } from './defaults.js'
import { resolveMode } from './resolve-mode.js'
import type {
  CassetteOptions,
  ConfigureOptions,
  Fault,
  Matcher,
  MatchOptions,
  RecordMode,
  RedactOptions,
  ServerLike,
  TimingOption,
} from './types.js'

/** The `redact` lists, every one present; `values` without the unset ones. */
export interface ResolvedRedact {
  headers: readonly string[]
  query: readonly string[]
  bodyPaths: readonly string[]
  values: readonly string[]
  allow: readonly string[]
}

/**
 * Every option of one call with its value in force: the call's own, over {@link configure}'s,
 * over {@link DEFAULTS}. Nothing downstream applies a default of its own.
 */
export interface ResolvedOptions {
  readonly dir: string
  readonly match: MatchOptions
  readonly ignoreBodyPaths: readonly string[]
  readonly matcher: Matcher | undefined
  readonly allowRepeats: boolean
  readonly timing: TimingOption
  readonly strict: boolean
  /** Where debug lines go; `undefined` when the debug log is off. */
  readonly debug: DebugLog | undefined
  /** The mode in force (`MSW_CASSETTE_MODE`, then the option, then the CI default). */
  readonly mode: RecordMode
  readonly redact: ResolvedRedact
  /** Faults armed before each test (replay only). */
  readonly faults: readonly Fault[]
  readonly server: ServerLike | undefined
  /** How a cassette written whole is laid out. */
  readonly layout: LayoutOption
}

let configured: ConfigureOptions = {}

/**
 * Sets defaults for every later cassette in this process (each call merges into the last;
 * `redact` lists add up).
 *
 * @example configure({ dir: 'test/cassettes', timing: 'instant' })
 */
export function configure(options: ConfigureOptions): void {
  checkOptions(options, 'configure')
  configured = merge(configured, options)
}

/** Restores the built-in defaults (undoes every {@link configure} call). */
export function resetConfiguration(): void {
  configured = {}
}

/**
 * Checks the options one call was given and resolves every option: the call's own over the
 * configured ones over the defaults. `redact` lists add up instead: a call that redacts one more
 * value must not un-redact what `configure` named.
 *
 * @param local - The options the call was given.
 * @param caller - The function they were given to, for messages and for which options apply.
 */
export function resolveOptions(
  local: ConfigureOptions | undefined,
  caller: OptionsCaller,
): ResolvedOptions {
  if (local !== undefined) checkOptions(local, caller)
  const merged = merge(configured, local ?? {})
  return {
    dir: merged.dir ?? DEFAULTS.dir,
    match: merged.match ?? {},
    ignoreBodyPaths: merged.ignoreBodyPaths ?? DEFAULTS.ignoreBodyPaths,
    matcher: merged.matcher,
    allowRepeats: merged.allowRepeats ?? DEFAULTS.allowRepeats,
    timing: merged.timing ?? DEFAULTS.timing,
    strict: merged.strict ?? DEFAULTS.strict,
    debug: debugLog(merged.debug),
    mode: resolveMode(merged.mode),
    redact: resolveRedact(merged.redact),
    faults: merged.faults ?? DEFAULTS.faults,
    server: merged.server,
    layout: merged.layout ?? DEFAULTS.layout,
  }
}

function merge(base: ConfigureOptions, over: ConfigureOptions): ConfigureOptions {
  const merged: ConfigureOptions = { ...base, ...over }
  if (base.redact && over.redact) merged.redact = addUp(base.redact, over.redact)
  return merged
}

function addUp(a: RedactOptions, b: RedactOptions): RedactOptions {
  return {
    headers: [...(a.headers ?? []), ...(b.headers ?? [])],
    query: [...(a.query ?? []), ...(b.query ?? [])],
    bodyPaths: [...(a.bodyPaths ?? []), ...(b.bodyPaths ?? [])],
    values: [...(a.values ?? []), ...(b.values ?? [])],
    allow: [...(a.allow ?? []), ...(b.allow ?? [])],
  }
}

function resolveRedact(redact: RedactOptions | undefined): ResolvedRedact {
  return {
    headers: redact?.headers ?? [],
    query: redact?.query ?? [],
    bodyPaths: redact?.bodyPaths ?? [],
    // `[process.env.API_KEY]` with the variable unset must not redact every empty string.
    values: (redact?.values ?? []).filter(
      (value): value is string => value !== undefined && value !== '',
    ),
    allow: redact?.allow ?? [],
  }
}

/** A function as given, `true` for stderr, and when unset, stderr if `MSW_CASSETTE_DEBUG` is on. */
function debugLog(option: CassetteOptions['debug']): DebugLog | undefined {
  if (typeof option === 'function') return option
  const fromEnv = /^(1|true)$/i.test(process.env[DEBUG_ENV] ?? '')
  return option === true || (option === undefined && fromEnv) ? writeDebugToStderr : undefined
}
