import { DEFAULT_REDACT } from '../options/defaults.js'

/** Decides whether a header, query or form parameter name holds a credential. */
export type NameRule = (name: string) => boolean

// Whole words that name a credential. `tokens` is not one: rate-limit headers such as
// `x-ratelimit-remaining-tokens` count model tokens, and `author` is not `auth`.
const WORDS = new Set([
  'auth',
  'authorization',
  'token',
  'key',
  'apikey',
  'secret',
  'signature',
  'sig',
  'credential',
  'credentials',
  'password',
  'passwd',
  'pwd',
  'cookie',
  'session',
  'sessionid',
])
// Words run together without a separator still end in one of these: `accesstoken`,
// `clientsecret`, `xsrftoken`, `subscriptionkey` is caught as `key` after splitting camelCase.
const ENDINGS = ['token', 'secret', 'password', 'passwd', 'apikey', 'signature', 'credential']

/**
 * The words of a name: split on anything but letters and digits, and between a lower-case
 * letter and an upper-case one (`clientSecret` -> `client`, `secret`).
 */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
}

/**
 * The default rule: a name holds a credential when one of its words is a credential word
 * (auth, authorization, token, key, apikey, secret, signature, sig, credential(s), password,
 * passwd, pwd, cookie, session, sessionid), or ends in token, secret, password, passwd,
 * apikey, signature or credential, or it is one of the vendor names in `DEFAULT_REDACT`.
 *
 * @example isSecretName('X-Goog-Api-Key') // true
 * @example isSecretName('x-ratelimit-remaining-tokens') // false
 */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase()
  if (VENDOR.has(lower)) return true
  return wordsOf(name).some(
    (word) => WORDS.has(word) || ENDINGS.some((ending) => word.endsWith(ending)),
  )
}

const VENDOR: ReadonlySet<string> = new Set(
  [...DEFAULT_REDACT.headers, ...DEFAULT_REDACT.query].map((name) => name.toLowerCase()),
)

/**
 * The rule in force: the names given are always secret, the names in `allow` never (unless
 * also given), every other name by {@link isSecretName}.
 *
 * @param add - Names to redact on top of the rule (any case).
 * @param allow - Names the rule would redact that stay in clear (any case).
 */
export function createNameRule(add: readonly string[], allow: readonly string[]): NameRule {
  const added = new Set(add.map((name) => name.toLowerCase()))
  const allowed = new Set(allow.map((name) => name.toLowerCase()))
  // Every interaction of a cassette asks about the same few names: decide each once.
  const decided = new Map<string, boolean>()
  return (name) => {
    let secret = decided.get(name)
    if (secret === undefined) {
      const lower = name.toLowerCase()
      secret = added.has(lower) || (!allowed.has(lower) && isSecretName(name))
      if (decided.size < 10_000) decided.set(name, secret)
    }
    return secret
  }
}

// JSON keys are held to a stricter rule than headers: `token` alone is a logprobs entry and
// `key` alone a lookup key in many APIs, so only names that say what credential they are count.
const JSON_NAMES = new Set(['password', 'passwd', 'secret', 'apikey', 'api_key', 'client_secret'])
const JSON_QUALIFIERS = new Set([
  'access',
  'refresh',
  'id',
  'api',
  'client',
  'private',
  'secret',
  'session',
  'auth',
  'bearer',
  'oauth',
])
const JSON_CREDENTIALS = new Set(['token', 'secret', 'key', 'password'])

/**
 * Whether a JSON object key names a credential: `password`, `secret`, `apiKey`, `api_key`,
 * `client_secret`, or two words or more ending in token, secret, key or password after access,
 * refresh, id, api, client, private, secret, session, auth, bearer or oauth (`access_token`,
 * `refreshToken`, `id_token`, `private_key`). `token`, `key` and `max_tokens` are not.
 */
export function isSecretJsonKey(key: string): boolean {
  if (JSON_NAMES.has(key.toLowerCase())) return true
  const words = wordsOf(key)
  const last = words.at(-1) ?? ''
  return (
    words.length >= 2 &&
    JSON_CREDENTIALS.has(last) &&
    words.slice(0, -1).some((word) => JSON_QUALIFIERS.has(word))
  )
}
