import type { HttpHandler } from 'msw'
import type { LayoutOption } from '../cassette/choose-layout.js'
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
 * exact bytes. Called once per recorded body and remembered: the same text must give the same
 * value.
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

/**
 * Replay timing.
 *
 * - `'instant'` (default): no waiting.
 * - `'recorded'`: the recorded pace: each interaction's `duration` before the headers, and the
 *   recorded time of each SSE event or NDJSON line (`event_times`, written when msw-cassette
 *   records) before that piece. Cassettes without `event_times` (written by Go) wait the
 *   headers time only, then stream without pauses.
 * - `{ scale }`: the recorded pace, every wait multiplied by `scale` (`0.5` plays twice as fast,
 *   `2` half as fast, `0` is instant).
 * - `{ headersDelayMs, eventDelayMs }`: fixed delays.
 *
 * Waits use `setTimeout`, so fake timers (`vi.advanceTimersByTimeAsync`) drive them.
 */
export type TimingOption =
  | 'instant'
  | 'recorded'
  | {
      /** Multiplies every recorded wait (headers and events); 0 or more. */
      scale: number
    }
  | {
      /** Wait before the response headers: the recorded `duration`, or a fixed number of ms. Default 0. */
      headersDelayMs?: number | 'recorded'
      /** Wait between streamed events (SSE, NDJSON), in ms. Default 0. */
      eventDelayMs?: number
    }

/**
 * Something going wrong on purpose, for requests the cassette answers: the request is matched
 * as usual, then the fault changes what the client sees. Give one of `cutAfter`, `stallAfter`,
 * `status` or `networkError`, or `delayHeadersMs` alone or with one of those.
 *
 * A fault that answers instead of the recording (`status`, `networkError`) leaves the
 * interaction unused, so a retry gets the recording; the others play (part of) the recording
 * and use it.
 *
 * @example
 * { status: 429, headers: { 'Retry-After': '0' } }  // once, then the recording
 * { cutAfter: 5 }                                    // 5 events, then the connection drops
 * { delayHeadersMs: 30_000, times: 'all' }           // every request waits 30 s for headers
 */
export interface Fault {
  /**
   * Deliver this many pieces of the body (SSE events, NDJSON lines; a body that is not a stream
   * is one piece), then drop the connection: `fetch` bodies fail with `TypeError: terminated`
   * (cause: a `SocketError` with code `UND_ERR_SOCKET`), as undici's do.
   */
  cutAfter?: number
  /** Deliver this many pieces, then nothing more until the client aborts or times out. */
  stallAfter?: number
  /** Wait this long (ms) before the response headers, on top of `timing`. */
  delayHeadersMs?: number
  /** Answer with this status instead of the recording (e.g. `429`, `500`, `503`). */
  status?: number
  /** Headers of the `status` answer, e.g. `{ 'Retry-After': '1' }`. */
  headers?: Record<string, string>
  /** Body of the `status` answer. Default: none. */
  body?: string
  /**
   * Fail before any response, as when the server cannot be reached: `fetch` rejects with
   * `TypeError: fetch failed` whose `cause` has this `code`; `node:http` emits `error` with it.
   */
  networkError?: 'ECONNREFUSED' | 'ECONNRESET'
  /** How many matching requests get the fault: a number (default 1), or `'all'`. */
  times?: number | 'all'
  /**
   * Which matching requests get the fault. Default: any request the cassette answers. Called
   * with the request and the interaction that would answer it.
   */
  when?: (request: IncomingRequest, interaction: Interaction) => boolean
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
  /** `'instant'` (default), `'recorded'`, `{ scale }`, or explicit delays; see {@link TimingOption}. */
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
  /**
   * Faults for requests the cassette answers, armed again before each test (see {@link Fault}).
   * Never applied while recording. Default: none.
   */
  faults?: readonly Fault[]
  /**
   * How a cassette written whole is laid out: `'auto'` (default) follows the file it replaces,
   * else the cassettes beside it when they agree, else go-vcr's own layout (4-space, list items
   * indented, every field written even when empty); `'go-vcr'`; `'compact'` (2-space, list
   * items at their key's column, empty fields left out); or `{ indent, indentSequences,
   * emptyFields }`. New interactions appended to an existing file (`new-episodes`) always take
   * that file's layout, so its existing lines never change.
   */
  layout?: LayoutOption
}

/** Decides whether a recorded interaction answers a request (the `matcher` option). */
export type Matcher = (request: IncomingRequest, interaction: Interaction) => boolean

/** The part of msw's `setupServer()` result that msw-cassette uses. */
export interface ServerLike {
  use(...handlers: HttpHandler[]): void
  listHandlers(): ReadonlyArray<unknown>
  /** msw's `server.boundary()`: handler changes inside stay inside (AsyncLocalStorage). */
  boundary?<Args extends unknown[], R>(callback: (...args: Args) => R): (...args: Args) => R
  /** msw's life-cycle events; used to let a cancelled replayed body settle. */
  events?: {
    on(
      event: 'response:mocked',
      listener: (args: { request: Request; response: Response; requestId: string }) => void,
    ): void
    on(
      event: 'request:end' | 'response:bypass' | 'unhandledException',
      listener: (args: { request: Request; requestId: string }) => void,
    ): void
  }
}

/** Options of `useCassette` and `withCassette`: the cassette options, and the msw server to use. */
export interface UseCassetteOptions extends CassetteOptions {
  /** An msw server from `setupServer()` to add the cassette to. Default: one msw-cassette starts. */
  server?: ServerLike
}

/** Options of {@link configure}: defaults for every later call, the server included. */
export type ConfigureOptions = UseCassetteOptions
