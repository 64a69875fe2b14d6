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
import type { RedactOptions } from '../options/types.js'
import { redactJsonBody } from './redact-json.js'
import { redactQuery } from './redact-url.js'
import { createValueRedactor } from './redact-values.js'

/** Replaces secrets in interactions before they are written, and in requests before matching. */
export interface Redactor {
  /** A copy of the interaction with every secret replaced. */
  interaction(interaction: Interaction): Interaction
  /** A URL with secret query parameters and values replaced. */
  url(url: string): string
  /** Headers with secret headers and values replaced (the same object when nothing changes). */
  headers(headers: Headers): Headers
  /** A body, as matching sees it, with secret JSON paths and values replaced. */
  bodyText(body: string, contentType: string): string
}

/**
 * Builds the redactor for the `redact` option; the default header and query names always
 * apply.
 *
 * @example createRedactor({ values: [process.env.OPENAI_API_KEY] }).url('https://x.test/?key=k')
 */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const headerNames = lowerSet([...DEFAULT_REDACT.headers, ...(options.headers ?? [])])
  const queryNames = lowerSet([...DEFAULT_REDACT.query, ...(options.query ?? [])])
  const paths = parseJsonPaths(options.bodyPaths ?? [])
  const values = createValueRedactor(options.values ?? [])
  const hasValues = (options.values ?? []).some((value) => value !== undefined && value !== '')

  const url = (text: string): string => values.text(redactQuery(text, queryNames))
  const headerMap = (map: HeaderMap): HeaderMap => {
    const result: HeaderMap = {}
    for (const [name, list] of Object.entries(map)) {
      result[name] = headerNames.has(name.toLowerCase())
        ? list.map(() => REDACTED)
        : list.map(values.text)
    }
    return result
  }
  const formMap = (map: Record<string, string[]>): Record<string, string[]> => {
    const result: Record<string, string[]> = {}
    for (const [name, list] of Object.entries(map)) {
      result[name] = queryNames.has(name.toLowerCase())
        ? list.map(() => REDACTED)
        : list.map(values.text)
    }
    return result
  }
  const body = (value: Body, contentType: string): Body =>
    typeof value === 'string'
      ? values.text(redactJsonBody(value, contentType, paths))
      : values.bytes(value)

  const request = (recorded: RecordedRequest): RecordedRequest => {
    const result: RecordedRequest = {
      ...recorded,
      url: url(recorded.url),
      headers: headerMap(recorded.headers),
      body: body(recorded.body, headerValue(recorded.headers, 'content-type')),
      extra: redactExtra(recorded.extra, url, headerMap),
    }
    if (recorded.form) result.form = formMap(recorded.form)
    return result
  }
  const response = (recorded: RecordedResponse): RecordedResponse => ({
    ...recorded,
    headers: headerMap(recorded.headers),
    body: body(recorded.body, headerValue(recorded.headers, 'content-type')),
    extra: redactExtra(recorded.extra, url, headerMap),
  })

  return {
    interaction: (interaction) => ({
      ...interaction,
      request: request(interaction.request),
      response: response(interaction.response),
    }),
    url,
    headers: (headers) => {
      let secret = hasValues
      for (const name of headers.keys()) secret ||= headerNames.has(name)
      if (!secret) return headers
      const result = new Headers()
      for (const [name, value] of headers) {
        result.append(name, headerNames.has(name) ? REDACTED : values.text(value))
      }
      return result
    },
    bodyText: (text, contentType) => values.text(redactJsonBody(text, contentType, paths)),
  }
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

function lowerSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((name) => name.toLowerCase()))
}
