import { headerValue } from '../cassette/header-map.js'
import type {
  Body,
  HeaderMap,
  Interaction,
  RecordedRequest,
  RecordedResponse,
} from '../cassette/types.js'
import { parseJsonPaths } from '../json/json-paths.js'
import { DEFAULT_REDACT, REDACTED } from '../options/defaults.js'
import type { IncomingRequest, RedactOptions } from '../options/types.js'
import { secretsFromEnv } from './env-secrets.js'
import { secretsInValue } from './learn-secrets.js'
import { redactJsonBody } from './redact-json.js'
import { redactParams, redactQuery, secretParamValues } from './redact-url.js'
import { createValueRedactor, type ValueRedactor } from './redact-values.js'
import { createNameRule, isSecretJsonKey, type NameRule } from './secret-names.js'

/** Where a request's own secrets are learned from: its URL and its headers. */
export interface SecretSources {
  url: string
  headers: Headers
}

/** Replaces secrets in interactions before they are written, and in requests before matching. */
export interface Redactor {
  /**
   * A copy of the interaction with every secret replaced.
   *
   * @param also - More values to replace, e.g. what {@link Redactor.secretsOf} found in the
   *   other interactions of a cassette (a signed URL one response hands out and a later
   *   request uses).
   */
  interaction(interaction: Interaction, also?: readonly string[]): Interaction
  /** The values an interaction's request sent in its secret headers, query and form fields. */
  secretsOf(interaction: Interaction): string[]
  /** A URL with secret query parameters, values and tokens replaced. */
  url(url: string): string
  /** Headers with secret headers, values and tokens replaced. */
  headers(headers: Headers): Headers
  /**
   * A body, as matching sees it, with secret JSON paths, form fields, values and tokens
   * replaced; with `from`, also the values of the request's own secret headers and parameters.
   */
  bodyText(body: string, contentType: string, from?: SecretSources): string
  /**
   * Whether a body holds one of the request's own secrets (a value of its secret headers,
   * query or form parameters, in any form): only then does {@link Redactor.bodyText} with
   * `from` give another text than without it.
   */
  holdsOwnSecrets(body: string, contentType: string, from: SecretSources): boolean
  /**
   * A read request as messages show it: URL, headers and body redacted, so a miss message or a
   * debug line never prints a live secret.
   */
  request(incoming: IncomingRequest): IncomingRequest
  /** Free text (a message, a debug line) with known values and tokens replaced. */
  text(text: string): string
  /** The literal values replaced everywhere: `redact.values` and credentials from the environment. */
  readonly values: readonly string[]
  /** Whether a header, query or form parameter name is secret. */
  readonly isSecretName: NameRule
  /** Whether a JSON object key names a credential (and is not exempt by `allow`). */
  readonly isSecretJsonKey: NameRule
}

/**
 * Builds the redactor for the `redact` option, on top of the defaults: every header and
 * parameter name the default rule calls secret, the values of credential variables in
 * `process.env`, and tokens of well-known formats.
 *
 * @param options - The `redact` option (`allow` exempts names from the rule).
 * @param env - Where credential variables are read; default `process.env`.
 * @example createRedactor({ values: [process.env.OPENAI_API_KEY] }).url('https://x.test/?key=k')
 */
export function createRedactor(
  options: RedactOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Redactor {
  const headerRule = createNameRule(
    [...DEFAULT_REDACT.headers, ...(options.headers ?? [])],
    [...DEFAULT_REDACT.allow, ...(options.allow ?? [])],
  )
  const paramRule = createNameRule(
    [...DEFAULT_REDACT.query, ...(options.query ?? [])],
    [...DEFAULT_REDACT.allow, ...(options.allow ?? [])],
  )
  const isSecretName: NameRule = (name) => headerRule(name) || paramRule(name)
  const allowed = new Set(
    [...DEFAULT_REDACT.allow, ...(options.allow ?? [])].map((name) => name.toLowerCase()),
  )
  const jsonKeyRule = (key: string) => !allowed.has(key.toLowerCase()) && isSecretJsonKey(key)
  const paths = parseJsonPaths(options.bodyPaths ?? [])
  const values = [
    ...(options.values ?? []).filter((value): value is string => !!value),
    ...secretsFromEnv(env),
  ]
  const base = createValueRedactor(values)

  // A client sends the same key with every request: the redactor for a set of learned secrets
  // is built once and reused, not once per request (it showed in the per-request cost).
  const withLearnedMemory = remember<ValueRedactor>(64)
  const withLearned = (learned: readonly string[]): ValueRedactor =>
    learned.length === 0
      ? base
      : withLearnedMemory(learned.join('\u0000'), () =>
          createValueRedactor([...values, ...learned]),
        )
  const learnedOnlyMemory = remember<ValueRedactor>(64)
  const learnedOnly = (learned: readonly string[]): ValueRedactor =>
    learnedOnlyMemory(learned.join('\u0000'), () => createValueRedactor(learned))

  const url = (text: string, with_ = base): string => with_.text(redactQuery(text, paramRule))
  const headerMap = (map: HeaderMap, with_ = base): HeaderMap => {
    const result: HeaderMap = {}
    for (const [name, list] of Object.entries(map)) {
      result[name] = headerRule(name)
        ? list.map(() => REDACTED)
        : list.map((value) => (isLocation(name) ? url(value, with_) : with_.text(value)))
    }
    return result
  }
  const formMap = (map: Record<string, string[]>, with_: ValueRedactor) => {
    const result: Record<string, string[]> = {}
    for (const [name, list] of Object.entries(map)) {
      result[name] = paramRule(name) ? list.map(() => REDACTED) : list.map(with_.text)
    }
    return result
  }
  const text = (body: string, contentType: string, with_: ValueRedactor): string => {
    const fields = isForm(contentType) ? redactParams(body, paramRule) : body
    return with_.text(redactJsonBody(fields, contentType, paths, jsonKeyRule))
  }
  const body = (value: Body, contentType: string, with_: ValueRedactor): Body =>
    typeof value === 'string' ? text(value, contentType, with_) : with_.bytes(value)

  // A client sends the same credential with every request: its pieces are found once.
  const secretsMemory = remember<string[]>(256)
  const secretsIn = (value: string) => secretsMemory(value, () => secretsInValue(value))
  /** The values of a request's secret headers, query and form fields. */
  const learn = (from: SecretSources, bodyText?: string, contentType = ''): string[] => {
    const learned: string[] = []
    for (const [name, value] of from.headers) {
      if (headerRule(name)) learned.push(...secretsIn(value))
    }
    const query = from.url.indexOf('?')
    if (query >= 0) {
      const end = from.url.indexOf('#', query)
      const search = from.url.slice(query + 1, end < 0 ? undefined : end)
      for (const value of secretParamValues(search, paramRule))
        learned.push(...secretsInValue(value))
    }
    if (bodyText !== undefined && isForm(contentType)) {
      for (const value of secretParamValues(bodyText, paramRule))
        learned.push(...secretsInValue(value))
    }
    return learned
  }

  const request = (recorded: RecordedRequest, with_: ValueRedactor): RecordedRequest => {
    const result: RecordedRequest = {
      ...recorded,
      url: url(recorded.url, with_),
      headers: headerMap(recorded.headers, with_),
      body: body(recorded.body, headerValue(recorded.headers, 'content-type'), with_),
      extra: redactExtra(
        recorded.extra,
        (value) => url(value, with_),
        (map) => headerMap(map, with_),
      ),
    }
    if (recorded.form) result.form = formMap(recorded.form, with_)
    return result
  }
  const response = (recorded: RecordedResponse, with_: ValueRedactor): RecordedResponse => ({
    ...recorded,
    headers: headerMap(recorded.headers, with_),
    body: body(recorded.body, headerValue(recorded.headers, 'content-type'), with_),
    extra: redactExtra(
      recorded.extra,
      (value) => url(value, with_),
      (map) => headerMap(map, with_),
    ),
  })

  const secretsOf = (interaction: Interaction): string[] => {
    const recorded = interaction.request
    const contentType = headerValue(recorded.headers, 'content-type')
    const learned = learn(
      { url: recorded.url, headers: headersOf(recorded.headers) },
      typeof recorded.body === 'string' ? recorded.body : undefined,
      contentType,
    )
    for (const [name, list] of Object.entries(recorded.form ?? {})) {
      if (paramRule(name)) for (const value of list) learned.push(...secretsInValue(value))
    }
    return learned
  }

  return {
    secretsOf,
    interaction: (interaction, also = []) => {
      const recorded = interaction.request
      const with_ = withLearned([...secretsOf(interaction), ...also])
      return {
        ...interaction,
        request: request(recorded, with_),
        response: response(interaction.response, with_),
      }
    },
    url: (text) => url(text),
    headers: (headers) => {
      const result = new Headers()
      for (const [name, value] of headers) {
        result.append(
          name,
          headerRule(name) ? REDACTED : isLocation(name) ? url(value) : base.text(value),
        )
      }
      return result
    },
    bodyText: (value, contentType, from) =>
      text(value, contentType, from ? withLearned(learn(from, value, contentType)) : base),
    holdsOwnSecrets: (value, contentType, from) => {
      const learned = learn(from, value, contentType)
      return learned.length > 0 && learnedOnly(learned).contains(value)
    },
    text: (value) => base.text(value),
    request: (incoming) => {
      const contentType = incoming.headers.get('content-type') ?? ''
      const from = { url: incoming.url.href, headers: incoming.headers }
      const learned = withLearned(learn(from, incoming.text, contentType))
      const bodyText = text(incoming.text, contentType, learned)
      const headers = new Headers()
      for (const [name, value] of incoming.headers) {
        headers.append(name, headerRule(name) ? REDACTED : learned.text(value))
      }
      return {
        method: incoming.method,
        url: new URL(url(incoming.url.href, learned)),
        headers,
        bytes: new TextEncoder().encode(bodyText),
        text: bodyText,
      }
    },
    values,
    isSecretName,
    isSecretJsonKey: jsonKeyRule,
  }
}

/**
 * A bounded memory of computed values by key: past `limit` entries it starts again, so a test
 * that sends a new key every time cannot grow it without end.
 */
function remember<T>(limit: number): (key: string, compute: () => T) => T {
  const known = new Map<string, T>()
  return (key, compute) => {
    let value = known.get(key)
    if (value === undefined) {
      value = compute()
      if (known.size >= limit) known.clear()
      known.set(key, value)
    }
    return value
  }
}

function isLocation(name: string): boolean {
  const lower = name.toLowerCase()
  return lower === 'location' || lower === 'content-location'
}

function isForm(contentType: string): boolean {
  return contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')
}

function headersOf(map: HeaderMap): Headers {
  const headers = new Headers()
  for (const [name, list] of Object.entries(map)) {
    for (const value of list) {
      try {
        headers.append(name, value)
      } catch {
        // A recorded name or value fetch refuses cannot be sent again, nor learned from.
      }
    }
  }
  return headers
}

/** The fields go-vcr writes that can carry a secret: `request_uri`, `host` and `trailer`. */
function redactExtra(
  extra: Record<string, unknown>,
  url: (text: string) => string,
  headerMap: (map: HeaderMap) => HeaderMap,
): Record<string, unknown> {
  const result = { ...extra }
  for (const key of ['request_uri', 'host', 'remote_addr']) {
    const value = result[key]
    if (typeof value === 'string') result[key] = url(value)
  }
  const trailer = result.trailer
  if (isHeaderMap(trailer)) result.trailer = headerMap(trailer)
  return result
}

function isHeaderMap(value: unknown): value is HeaderMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (list) => Array.isArray(list) && list.every((item) => typeof item === 'string'),
    )
  )
}
