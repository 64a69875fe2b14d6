import type { Interaction } from './types.js'

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
/** Turns a URL into the value compared. Default: {@link normalizeUrl}. */
export type UrlNormalizer = (url: URL) => string
/**
 * Turns a body into the value compared. Default: {@link normalizeBody} (JSON values, form
 * parameter multisets, else exact bytes).
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
  matcher?: (request: IncomingRequest, interaction: Interaction) => boolean
  /** Let used interactions answer again (the first match in file order wins). Default `false`. */
  allowRepeats?: boolean
  /** `'instant'` (default), `'recorded'`, or explicit delays. */
  timing?: TimingOption
}
