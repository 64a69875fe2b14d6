import type { DispatchController, DispatchHandler } from './dispatch-types.js'

/** One response told to a dispatch handler, whichever callback style it speaks. */
export interface HandlerSink {
  /** Tells the handler the request started; `abort` is what it calls to stop it. */
  start(abort: (reason?: unknown) => void): void
  headers(status: number, headers: Headers, statusText: string): void
  /** Resolves when the handler wants more (its back-pressure). */
  data(chunk: Buffer): Promise<void>
  complete(): void
  error(error: unknown): void
}

/**
 * Speaks to a dispatch handler in the callbacks it has: the older `onConnect`/`onHeaders`/
 * `onData`/`onComplete`/`onError` (Node's fetch, undici's `request` and `stream`), or undici 7's
 * `onRequestStart`/`onResponseStart`/... . At most one of `complete` and `error` reaches it.
 */
export function createHandlerSink(handler: DispatchHandler): HandlerSink {
  let ended = false
  let paused = false
  let wake: (() => void) | undefined
  let abortWith: (reason?: unknown) => void = () => {}
  const resume = () => {
    paused = false
    wake?.()
    wake = undefined
  }
  const controller: DispatchController = {
    get aborted() {
      return ended
    },
    get paused() {
      return paused
    },
    reason: undefined,
    abort: (reason) => abortWith(reason),
    pause: () => {
      paused = true
    },
    resume,
  }
  const modern = typeof handler.onRequestStart === 'function'
  return {
    start(abort) {
      abortWith = abort
      if (modern) handler.onRequestStart?.(controller, {})
      else handler.onConnect?.(abort, {})
    },
    headers(status, headers, statusText) {
      if (modern) {
        const record: Record<string, string | string[]> = {}
        for (const [name, value] of headers) {
          const seen = record[name]
          record[name] = seen === undefined ? value : [...[seen].flat(), value]
        }
        handler.onResponseStart?.(controller, status, record, statusText)
        return
      }
      const raw: Buffer[] = []
      for (const [name, value] of headers) raw.push(Buffer.from(name), Buffer.from(value))
      if (handler.onHeaders?.(status, raw, resume, statusText) === false) paused = true
    },
    async data(chunk) {
      if (ended) return
      if (modern) handler.onResponseData?.(controller, chunk)
      else if (handler.onData?.(chunk) === false) paused = true
      if (paused) await new Promise<void>((resolve) => (wake = resolve))
    },
    complete() {
      if (ended) return
      ended = true
      if (modern) handler.onResponseEnd?.(controller, {})
      else handler.onComplete?.([])
    },
    error(error) {
      if (ended) return
      ended = true
      wake?.()
      if (modern) handler.onResponseError?.(controller, error)
      else handler.onError?.(error)
    },
  }
}
