/**
 * The undici `Dispatcher` interface as Node's built-in fetch (undici 6 and 7) and the `undici`
 * package call it: structural types only, so nothing here loads undici.
 */

/** What a client asks the dispatcher to send. */
export interface DispatchOptions {
  origin?: string | URL
  path: string
  method: string
  /** A string, bytes, a Node stream or an (async) iterable of chunks, FormData or a Blob. */
  body?: unknown
  /** A flat `[name, value, ...]` list, a list of pairs, or a record. */
  headers?: unknown
}

/** The controller the newer handler API (undici 7) receives. */
export interface DispatchController {
  readonly aborted: boolean
  readonly paused: boolean
  readonly reason: unknown
  abort(reason?: unknown): void
  pause(): void
  resume(): void
}

/** A dispatch handler, in the older callbacks (fetch, `request`, `stream`) or the newer ones. */
export interface DispatchHandler {
  onConnect?(abort: (reason?: unknown) => void, context?: object): void
  onHeaders?(
    statusCode: number,
    rawHeaders: Buffer[],
    resume: () => void,
    statusText: string,
  ): boolean
  onData?(chunk: Buffer): boolean
  onComplete?(trailers: Buffer[] | null): void
  onError?(error: unknown): void
  onRequestStart?(controller: DispatchController, context: object): void
  onResponseStart?(
    controller: DispatchController,
    statusCode: number,
    headers: Record<string, string | string[]>,
    statusMessage?: string,
  ): void
  onResponseData?(controller: DispatchController, chunk: Buffer): void
  onResponseEnd?(controller: DispatchController, trailers: Record<string, string | string[]>): void
  onResponseError?(controller: DispatchController, error: unknown): void
}

/** What sits at `Symbol.for('undici.globalDispatcher.1')`. */
export interface Dispatcher {
  dispatch(options: DispatchOptions, handler: DispatchHandler): boolean
  close?(...args: unknown[]): unknown
  destroy?(...args: unknown[]): unknown
}
