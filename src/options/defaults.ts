/**
 * Every default in one place; {@link resolveOptions} reads them, nothing else does. `dir` is
 * resolved against the working directory when a name is resolved, so a test runner's `cwd`
 * decides where `fixtures` is. `mode` has no fixed default: it depends on `CI` (see
 * `resolveMode`).
 */
export const DEFAULTS = {
  dir: 'fixtures',
  allowRepeats: false,
  timing: 'instant',
  strict: false,
  ignoreBodyPaths: [],
  faults: [],
  layout: 'auto',
} as const

/** What recorded secrets are replaced with. */
export const REDACTED = '[REDACTED]'

/** Headers and query parameters that are always redacted before a cassette is written. */
export const DEFAULT_REDACT = {
  headers: [
    'Authorization',
    'Proxy-Authorization',
    'Cookie',
    'Set-Cookie',
    'X-Api-Key',
    'Api-Key',
    'OpenAI-Organization',
    'OpenAI-Project',
  ],
  query: ['key', 'api_key', 'apikey', 'access_token', 'token'],
} as const

/** The environment variable that sets the record mode for a whole run. */
export const MODE_ENV = 'MSW_CASSETTE_MODE'

/** The environment variable that turns the debug log on (`1` or `true`). */
export const DEBUG_ENV = 'MSW_CASSETTE_DEBUG'
