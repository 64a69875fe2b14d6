import type { HttpHandler } from 'msw'
import type { Interaction } from '../cassette/types.js'

/** A request as the matcher sees it: read once, from a clone of the intercepted request. */
export interface IncomingRequest {
  /** Method as sent, e.g. `post`. */
  method: string
  /** The request URL. */
  url: URL
  /** The request headers. */
  headers: Headers
  /** The body's bytes; empty when there is none. */
  bytes: Uint8Array
  /** The body decoded as UTF-8. */
  text: string
}

/** Turns a request method into the value compared. Default: upper case. */
export type MethodNormalizer = (method: string) => string
/**
 * Turns a URL into the value compared. Default: scheme and host case-insensitive, default ports
 * ignored, path exact, query parameters as a multiset.
 */
export type UrlNormalizer = (url: URL) => string
/**
 * Turns a body into the value compared. Default: JSON values, form parameter multisets, else
 * exact bytes.
 */
export type BodyNormalizer = (body: string, contentType: string) => string
/** Turns request headers into the value compared. */
export type HeadersNormalizer = (headers: Headers) => string

/**
 * How each part of a request is compared with a recording. Each part is `false` to skip it,
 * or a function whose results are compared for equality.
 */
export interface MatchOptions {
  /** Default: case-insensitive method. */
  method?: false | MethodNormalizer
  /** Default: scheme and host case-insensitive, default ports ignored, path exact, query as a multiset. */
  url?: false | UrlNormalizer
  /** Default: JSON values when both sides are JSON, form parameters as multisets, else exact bytes. */
  body?: false | BodyNormalizer
  /**
   * Default `false`: headers are not compared. A list of header names compares those headers
   * (case-insensitive names, values exact); a function compares its results.
   */
  headers?: false | readonly string[] | HeadersNormalizer
}

/** Replay timing. */
export type TimingOption =
  | 'instant'
  | 'recorded'
  | {
      /** Wait before the response headers: the recorded `duration`, or a fixed number of ms. Default 0. */
      headersDelayMs?: number | 'recorded'
      /** Wait between streamed events (SSE, NDJSON), in ms. Default 0. */
      eventDelayMs?: number
    }

/**
 * What a cassette does with requests. Set by the `mode` option or the environment variable
 * `MSW_CASSETTE_MODE` (which wins, so a run can re-record without editing code).
 *
 * - `replay`: answer from the cassette only; a missing cassette is an error. Default when `CI` is set.
 * - `once`: replay when the cassette file exists, else record it. Default outside CI.
 * - `new-episodes`: replay what matches; send the rest to the network and append it.
 * - `record`: send everything to the network and write the cassette anew.
 * - `passthrough`: send everything to the network; write nothing.
 */
export type RecordMode = 'replay' | 'once' | 'new-episodes' | 'record' | 'passthrough'

/**
 * Secrets to keep out of recorded cassettes, on top of the defaults. By default, every header,
 * query and form parameter whose name has a credential word (auth, authorization, token, key,
 * apikey, secret, signature, sig, credential, password, passwd, pwd, cookie, session) is
 * replaced by `[REDACTED]`, as is every JSON field named like `password`, `access_token` or
 * `client_secret`, and so are, wherever they appear, the values of credential variables
 * in the environment (`*_API_KEY`, `*_TOKEN`, `*_SECRET`, `*_PASSWORD`..., 10 characters or
 * more), the values a request sent in its secret headers and parameters, and tokens of
 * well-known formats (OpenAI, Anthropic, Google, AWS, GitHub, GitLab, Slack, JWTs, Bearer and
 * Basic credentials). Live requests get the same treatment before matching, so a later run with
 * another key still matches.
 *
 * @example
 * redact: { headers: ['X-Tenant'], allow: ['X-Session-Region'], bodyPaths: ['user.email'], values: [process.env.MY_KEY] }
 */
export interface RedactOptions {
  /** More header names (any case), in requests and responses. */
  headers?: readonly string[]
  /** More query parameter names (any case), in URLs and recorded forms. */
  query?: readonly string[]
  /**
   * JSON body paths like `user.email` or `messages.*.content` (`*`: any key or index), in JSON
   * bodies and in each JSON line of SSE `data:` fields and NDJSON streams.
   */
  bodyPaths?: readonly string[]
  /**
   * Literal secret values, replaced wherever they appear: headers, URL, bodies, SSE payloads.
   * `undefined` and `''` are skipped, so `[process.env.API_KEY]` is safe when the variable is unset.
   */
  values?: readonly (string | undefined)[]
  /**
   * Header and parameter names (any case) the default rule would redact that stay in clear,
   * e.g. `['X-Session-Region']`. A name also listed in `headers` or `query` is still redacted.
   */
  allow?: readonly string[]
}

/** Options shared by {@link fromCassette}, `useCassette` and {@link configure}. */
export interface CassetteOptions {
  /** Folder that cassette names resolve in. Default: `fixtures` under the working directory. */
  dir?: string
  /** How requests are compared with recordings. */
  match?: MatchOptions
  /**
   * JSON body paths left out of the comparison, e.g. `['metadata.request_id', 'messages.*.id']`.
   * `*` stands for any key or array index.
   */
  ignoreBodyPaths?: readonly string[]
  /**
   * Replaces the default comparison: an interaction answers a request when this returns `true`
   * (and it is not used yet, unless `allowRepeats`).
   */
  matcher?: Matcher
  /** Let used interactions answer again (the first match in file order wins). Default `false`. */
  allowRepeats?: boolean
  /** `'instant'` (default), `'recorded'`, or explicit delays. */
  timing?: TimingOption
  /**
   * Fail the test (in `useCassette`'s after-hook, or `verify()`) when recorded interactions were
   * never requested. Default `false`.
   */
  strict?: boolean
  /**
   * Print each matching decision: request -> interaction id, or why each candidate was turned
   * down. `true` writes to stderr; a function receives each line. Default: on when the
   * environment variable `MSW_CASSETTE_DEBUG` is `1` or `true`.
   */
  debug?: boolean | ((line: string) => void)
  /**
   * Replay, record or pass through; see {@link RecordMode}. The environment variable
   * `MSW_CASSETTE_MODE` overrides it. Default: `'replay'` when `CI` is set, else `'once'`.
   */
  mode?: RecordMode
  /** Secrets to replace before a cassette is written, besides the defaults; see {@link RedactOptions}. */
  redact?: RedactOptions
}

/** Decides whether a recorded interaction answers a request (the `matcher` option). */
export type Matcher = (request: IncomingRequest, interaction: Interaction) => boolean

/** The part of msw's `setupServer()` result that msw-cassette uses. */
export interface ServerLike {
  use(...handlers: HttpHandler[]): void
  listHandlers(): ReadonlyArray<unknown>
  /** msw's `server.boundary()`: handler changes inside stay inside (AsyncLocalStorage). */
  boundary?<Args extends unknown[], R>(callback: (...args: Args) => R): (...args: Args) => R
}

/** Options of `useCassette` and `withCassette`: the cassette options, and the msw server to use. */
export interface UseCassetteOptions extends CassetteOptions {
  /** An msw server from `setupServer()` to add the cassette to. Default: one msw-cassette starts. */
  server?: ServerLike
}

/** Options of {@link configure}: defaults for every later call, the server included. */
export type ConfigureOptions = UseCassetteOptions
