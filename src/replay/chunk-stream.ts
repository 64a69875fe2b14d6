import { abortReason } from './abort-reason.js'
import { nextTurn } from './next-turn.js'

/**
 * A pull-based stream of pre-cut chunks. Nothing runs until the reader asks: with a delay, the
 * timer for a chunk starts when that chunk is pulled, so a reader that stops (or a cancel that
 * msw never passes on) leaves no timer running and no rejection behind.
 *
 * When `signal` aborts, the stream errors with the abort reason (an `AbortError`), as a fetch
 * body does: the read in progress, and every later one, rejects with it.
 *
 * @param chunks - The pieces, in order.
 * @param delayMs - Wait before every chunk after the first.
 * @param signal - The request's abort signal.
 */
export function createChunkStream(
  chunks: readonly Uint8Array<ArrayBuffer>[],
  delayMs = 0,
  signal?: AbortSignal,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  let next = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | undefined
  let stopped = false
  let onAbort: (() => void) | undefined
  // Ends whatever wait is pending and detaches from the signal; idempotent.
  const stop = () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    wake?.()
    if (onAbort) signal?.removeEventListener('abort', onAbort)
  }
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      start(controller) {
        if (!signal) return
        if (signal.aborted) {
          stopped = true
          controller.error(abortReason(signal))
          return
        }
        onAbort = () => {
          stop()
          controller.error(abortReason(signal))
        }
        signal.addEventListener('abort', onAbort, { once: true })
      },
      async pull(controller) {
        if (next > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve
            if (delayMs > 0) timer = setTimeout(resolve, delayMs)
            // msw 3 drains the body into the socket at once: a turn of the event loop between
            // chunks keeps them in separate reads for fetch.
            else void nextTurn().then(resolve)
          })
          timer = undefined
          wake = undefined
        }
        if (stopped) return
        const chunk = chunks[next++]
        if (chunk !== undefined) controller.enqueue(chunk)
        if (next >= chunks.length) {
          stop()
          controller.close()
        }
      },
      cancel() {
        stop()
      },
    },
    // No read-ahead: each chunk is produced only when the client reads, one event per read.
    { highWaterMark: 0 },
  )
}
