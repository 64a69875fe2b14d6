/**
 * The error a fetch body fails with when its request is aborted: the signal's reason, which
 * `controller.abort()` makes an `AbortError` `DOMException`, as undici does. SDKs look for that
 * name to tell a deliberate stop from a broken stream.
 *
 * @param signal - The request's signal, already aborted.
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError')
}

/**
 * Waits `ms`, or less when `signal` aborts first; never rejects, and leaves no timer behind.
 *
 * @param ms - How long to wait.
 * @param signal - Ends the wait early.
 */
export function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
