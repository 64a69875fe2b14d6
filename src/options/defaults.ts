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

/**
 * Names redacted besides the rule of `secrets/secret-names.ts` (which covers every name with a
 * word such as auth, token, key, secret, signature, credential, password, cookie or session),
 * and names the rule would catch that are not credentials.
 */
export const DEFAULT_REDACT = {
  /** Vendor headers without a credential word in their name. */
  headers: ['OpenAI-Organization', 'OpenAI-Project'],
  /** Query parameters without a credential word in their name; `code`: OAuth's authorization code. */
  query: ['code'],
  /** Pagination cursors, request ids, timings: named like tokens and keys, but no credentials. */
  allow: [
    'pageToken',
    'page_token',
    'nextPageToken',
    'next_page_token',
    'Idempotency-Key',
    'Fireworks-Server-Time-To-First-Token',
  ],
} as const

/** Environment variables whose values are redacted wherever they appear, by name. */
export const SECRET_ENV_NAME =
  /(?:^|_)(?:API_?KEY|ACCESS_?KEY|SECRET(?:_?ACCESS)?_?KEY|PRIVATE_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIALS?|AUTH)$/i

/** Shorter values of those variables are left alone: `true`, `1`, `dev` are no secrets. */
export const SECRET_ENV_MIN_LENGTH = 10

/** The environment variable that sets the record mode for a whole run. */
export const MODE_ENV = 'MSW_CASSETTE_MODE'

/** The environment variable that turns the debug log on (`1` or `true`). */
export const DEBUG_ENV = 'MSW_CASSETTE_DEBUG'
