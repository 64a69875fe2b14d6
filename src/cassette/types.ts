/**
 * The shapes msw-cassette reads from a go-vcr cassette and the options it takes.
 * Parsed YAML starts as `unknown`; `validateCassette` narrows it to these types.
 */

/** A request or response body: text, or bytes when the cassette stored it as `!!binary`. */
export type Body = string | Uint8Array

/** Header map as go-vcr stores it: canonical name to a list of values. */
export type HeaderMap = Record<string, string[]>

/** The recorded request of one interaction. */
export interface RecordedRequest {
  /** HTTP method as recorded, e.g. `POST`. */
  method: string
  /** Absolute URL as recorded. */
  url: string
  /** Request body; `''` when none was recorded. */
  body: Body
  /** Request headers (names as recorded, values as lists). */
  headers: HeaderMap
  /** Parsed form values, when go-vcr stored them. */
  form?: Record<string, string[]>
  /** Fields go-vcr v2 writes that replay does not need (`proto`, `host`, ...), kept as read. */
  extra: Record<string, unknown>
}

/** The recorded response of one interaction. */
export interface RecordedResponse {
  /** Numeric status code, e.g. `200`. */
  code: number
  /** Full status line as recorded, e.g. `200 OK`. */
  status: string
  /** Response body; `''` when none was recorded. */
  body: Body
  /** Response headers (names as recorded, values as lists). */
  headers: HeaderMap
  /** Time to response headers in milliseconds, from the recorded Go duration; `0` when absent. */
  durationMs: number
  /** `true` when go-vcr stored the body already decoded (drop `Content-Encoding`). */
  uncompressed: boolean
  /** Fields go-vcr v2 writes that replay does not need, kept as read. */
  extra: Record<string, unknown>
}

/** One recorded request and its response. */
export interface Interaction {
  /** The interaction's id: the recorded `id` in version 2, the position in version 1. */
  id: number
  /** Position in the file, from 0. */
  index: number
  request: RecordedRequest
  response: RecordedResponse
}

/** A parsed and validated cassette. */
export interface Cassette {
  /** Absolute path of the file it was read from, or a label for in-memory cassettes. */
  path: string
  /** Format version: 1 or 2. */
  version: 1 | 2
  /** Interactions in file order. */
  interactions: Interaction[]
  /**
   * Keys go-vcr does not read (as dotted paths, `interactions.0.request.bdy`), which Go ignores
   * and so does msw-cassette; the debug log names them.
   */
  ignoredKeys?: string[]
}
