import type { IncomingRequest } from '../options/types.js'
import type { CassetteSession, SessionLookup } from './cassette-session.js'

/** What the active cassettes do with one request. */
export type Answer =
  /** No cassette is active for it. */
  | { kind: 'none' }
  /** It goes to the network unrecorded (mode `passthrough`). */
  | { kind: 'passthrough' }
  /** Its response: replayed, or live while it is recorded. */
  | { kind: 'response'; response: Promise<Response> }

/**
 * Decides a request the same way on every interception path (msw's handler, the undici
 * dispatcher): the innermost cassette's mode says what may reach the network; the first
 * cassette, innermost first, that holds a match answers.
 *
 * @param active - The cassettes for this request, innermost first.
 * @param request - The request, body unread (recording sends it).
 * @param incoming - The same request, read.
 * @throws `UnmatchedRequestError` when no cassette holds it in `replay`; counted as a miss.
 */
export function answerRequest(
  active: readonly CassetteSession[],
  request: Request,
  incoming: IncomingRequest,
): Answer {
  const first = active[0]
  if (first === undefined) return { kind: 'none' }
  if (first.behaviour === 'passthrough') return { kind: 'passthrough' }
  if (first.behaviour === 'record-all') {
    return { kind: 'response', response: first.record(request, incoming) }
  }
  let firstResult: SessionLookup | undefined
  for (const session of active) {
    const result = session.lookup(incoming)
    if (result.kind === 'hit') {
      return { kind: 'response', response: session.respond(result, request) }
    }
    firstResult ??= result
  }
  if (first.behaviour === 'record-misses') {
    return { kind: 'response', response: first.record(request, incoming) }
  }
  throw first.miss(incoming, firstResult ?? { kind: 'miss' })
}
