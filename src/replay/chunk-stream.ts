import { abortReason } from './abort-reason.js'
import { afterMicrotasks } from './after-microtasks.js'
import { connectionTerminated } from './network-errors.js'
import { nextTurn } from './next-turn.js'

/** How a faulted stream ends early: after `after` chunks, the connection drops or goes quiet. */
export interface BrokenEnd {
  after: number
  how: 'cut' | 'stall'
}

/**
 * A pull-based stream of pre-cut chunks. Nothing runs until the reader asks: with a delay, the
 * timer for a chunk starts when that chunk is pulled, so a reader that stops (or a cancel that
 * msw never passes on) leaves no timer running and no rejection behind. Delays use
 * `setTimeout`, so fake timers drive a paced replay.
 *
 * When `signal` aborts, the stream errors with the abort reason (an `AbortError`), as a fetch
 * body does: the read in progress, and every later one, rejects with it.
 *
 * @param chunks - The pieces, in order.
 * @param waits - A number: the wait before every chunk after the first. A list with one entry
 *   per chunk: the wait before each (the recorded pace); any other list is ignored.
 * @param signal - The request's abort signal.
 * @param broken - Ends the stream early: `cut` errors it as a dropped connection does, `stall`
 *   sends nothing more until the request aborts or the body is cancelled.
 */
export function createChunkStream(
  chunks: readonly Uint8Array<ArrayBuffer>[],
  waits: number | readonly number[] = 0,
  signal?: AbortSignal,
  broken?: BrokenEnd,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  let next = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | undefined
  let stopped = false
  let onAbort: (() => void) | undefined
  const waitBefore = (at: number): number => {
    if (typeof waits === 'number') return at > 0 ? waits : 0
    return waits.length === chunks.length ? (waits[at] ?? 0) : 0
  }
  // Ends whatever wait is pending and detaches from the signal; idempotent.
  const stop = () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    wake?.()
    if (onAbort) signal?.removeEventListener('abort', onAbort)
  }
  // Resolves after `ms`, after a turn of the event loop when 0 and `turn`, or never (a stall);
  // `stop` ends every kind.
  const pause = (ms: number | 'forever', turn: boolean) =>
    new Promise<void>((resolve) => {
      wake = resolve
      if (ms === 'forever') return
      if (ms > 0) timer = setTimeout(resolve, ms)
      // msw 3 drains the body into the socket at once: a turn of the event loop between
      // chunks keeps them in separate reads for fetch.
      else if (turn) void nextTurn().then(resolve)
      else resolve()
    }).then(() => {
      timer = undefined
      wake = undefined
    })
  const send = (controller: ReadableStreamDefaultController<Uint8Array<ArrayBuffer>>) => {
    if (stopped) return
    const chunk = chunks[next++]
    if (chunk !== undefined) controller.enqueue(chunk)
    // A broken stream never closes: its end is the cut or the stall, on the next pull.
    if (next >= chunks.length && !broken) {
      stop()
      controller.close()
    }
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
      pull(controller) {
        if (broken && next >= Math.min(broken.after, chunks.length)) {
          return pause(broken.how === 'stall' ? 'forever' : 0, next > 0).then(() => {
            if (stopped) return
            stop()
            controller.error(connectionTerminated())
          })
        }
        const wait = waitBefore(next)
        if (wait > 0) return pause(wait, true).then(() => send(controller))
        // The first chunk goes out in this very pull; each other one only once the client has
        // run all it does in reaction to the one before. An abort there stops it (`send`
        // checks): msw 2 hands fetch a tee branch of this stream, which reads a chunk ahead and
        // would still give that chunk to the read after the abort. And where a chunk passes
        // through Node stream buffers (undici's body behind the dispatcher, msw 3's socket), it
        // gets there after the one before was read out, so two never merge into one read.
        return next === 0 ? send(controller) : afterMicrotasks().then(() => send(controller))
      },
      cancel() {
        stop()
      },
    },
    // No read-ahead: each chunk is produced only when the client reads, one event per read.
    { highWaterMark: 0 },
  )
}
