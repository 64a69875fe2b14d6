/**
 * A pull-based stream of pre-cut chunks. Nothing runs until the reader asks: with a delay, the
 * timer for a chunk starts when that chunk is pulled, so a reader that stops (or a cancel that
 * msw never passes on) leaves no timer running and no rejection behind.
 *
 * @param chunks - The pieces, in order.
 * @param delayMs - Wait before every chunk after the first.
 */
export function createChunkStream(
  chunks: readonly Uint8Array<ArrayBuffer>[],
  delayMs = 0,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  let next = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | undefined
  let cancelled = false
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      async pull(controller) {
        if (next > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve
            if (delayMs > 0) timer = setTimeout(resolve, delayMs)
            // msw 3 drains the body into the socket at once: a turn of the event loop between
            // chunks keeps them in separate reads for fetch.
            else setImmediate(resolve)
          })
          timer = undefined
          wake = undefined
          if (cancelled) return
        }
        const chunk = chunks[next++]
        if (chunk !== undefined) controller.enqueue(chunk)
        if (next >= chunks.length) controller.close()
      },
      cancel() {
        cancelled = true
        if (timer !== undefined) clearTimeout(timer)
        wake?.()
        next = chunks.length
      },
    },
    // No read-ahead: each chunk is produced only when the client reads, one event per read.
    { highWaterMark: 0 },
  )
}
