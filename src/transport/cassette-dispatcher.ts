import { isSendingLive } from '../http/live-scope.js'
import { takePassThrough } from '../msw/passed-through.js'
import { readIncomingRequest } from '../msw/read-request.js'
import { forDispatcher } from '../replay/network-errors.js'
import { answerRequest } from '../session/answer-request.js'
import type { CassetteSession } from '../session/cassette-session.js'
import type { Dispatcher, DispatchHandler, DispatchOptions } from './dispatch-types.js'
import { createHandlerSink } from './handler-sink.js'
import { toRequest } from './to-request.js'

/** What the dispatcher asks the test-runner glue, per request. */
export interface DispatchScope {
  /** The cassettes active for the current request, innermost first. */
  sessions(): readonly CassetteSession[]
  /**
   * For a request no cassette is active for: the error that refuses it (mode `replay`), or
   * `undefined` to let it through.
   */
  outOfScope(method: string, url: string): Error | undefined
}

/**
 * A dispatcher that answers what reaches it from the active cassettes, exactly as msw's
 * handler does (same matching, one chunk per SSE event, misses counted), and hands on to the
 * `next` dispatcher what a cassette lets through: msw-cassette's own recording requests, mode
 * `passthrough`, and, outside every cassette, what the mode allows.
 *
 * @param next - The dispatcher that was in place (Node's default agent).
 * @param scope - Which cassettes answer.
 */
export function createCassetteDispatcher(next: Dispatcher, scope: DispatchScope): Dispatcher {
  return {
    dispatch(options, handler) {
      if (isSendingLive()) return next.dispatch(options, handler)
      const url = new URL(options.path, options.origin).href
      // msw saw this one and decided to let it through: msw's decision stands.
      if (takePassThrough(options.method, url)) return next.dispatch(options, handler)
      const active = scope.sessions()
      if (active.length === 0) {
        const refusal = scope.outOfScope(options.method.toUpperCase(), url)
        if (refusal === undefined) return next.dispatch(options, handler)
        const sink = createHandlerSink(handler)
        sink.start(() => {})
        // Later, as a network failure would come: the client has not finished sending yet.
        queueMicrotask(() => sink.error(refusal))
        return true
      }
      if (active[0]?.behaviour === 'passthrough') return next.dispatch(options, handler)
      void serve(options, handler, active)
      return true
    },
    close: (...args) => next.close?.(...args),
    destroy: (...args) => next.destroy?.(...args),
  }
}

async function serve(
  options: DispatchOptions,
  handler: DispatchHandler,
  active: readonly CassetteSession[],
): Promise<void> {
  const sink = createHandlerSink(handler)
  const controller = new AbortController()
  sink.start((reason) => {
    const why = reason ?? new DOMException('This operation was aborted', 'AbortError')
    controller.abort(why)
    sink.error(why)
  })
  try {
    const request = await toRequest(options, controller.signal)
    const answer = answerRequest(active, request, await readIncomingRequest(request))
    // `none` and `passthrough` were ruled out before: the first session replays or records.
    if (answer.kind !== 'response') throw new Error(`unexpected answer ${answer.kind}`)
    const response = await answer.response
    if (controller.signal.aborted) {
      await response.body?.cancel().catch(() => {})
      return
    }
    sink.headers(response.status, response.headers, response.statusText)
    if (response.body) {
      const reader = response.body.getReader()
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        await sink.data(Buffer.from(read.value))
        if (controller.signal.aborted) {
          await reader.cancel().catch(() => {})
          return
        }
      }
    }
    sink.complete()
  } catch (error) {
    // After an abort the handler already has its error; the stream's own rejection is that.
    if (!controller.signal.aborted) sink.error(forDispatcher(error))
  }
}
