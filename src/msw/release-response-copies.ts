/**
 * msw 2 keeps a copy (a `tee` branch) of every mocked response body for its `response:mocked`
 * event. Nobody reads that copy, and a stream whose branches are not all cancelled never
 * finishes cancelling: a client's `reader.cancel()`, `body.cancel()` or `for await ... break`
 * then waits forever. Cancelling the copy of each cassette response as msw hands it out lets the
 * client's cancel reach the cassette's stream; a full read is unaffected.
 */

import type { ServerLike } from '../options/types.js'

/** The part of msw's `setupServer()` result this needs: its life-cycle events. */
export type ServerEvents = Required<Pick<ServerLike, 'events'>>

// Requests a cassette answered, until msw hands out their copy. Bounded, so a server without
// the listener (a `fromCassette` user who skipped it) cannot grow it without end: two
// generations, the older dropped whole when the newer fills. Not one set evicting its oldest
// entry per request: a `Set` keeps deleted entries' slots until it rehashes, so finding the
// oldest walks past them, and that walk cost about 12 us per request once the set was full.
let answered = new Set<string>()
let older = new Set<string>()
const GENERATION = 5_000
const released = new WeakSet<object>()

/**
 * Notes that a cassette answered this request, so its copy is cancelled when msw emits it.
 *
 * @param requestId - msw's id of the request (the resolver's `requestId`).
 */
export function noteAnswered(requestId: string): void {
  if (answered.size >= GENERATION) {
    older = answered
    answered = new Set()
  }
  answered.add(requestId)
}

/** Forgets a request noted by {@link noteAnswered}; returns whether it was noted. */
function takeAnswered(requestId: string): boolean {
  return answered.delete(requestId) || older.delete(requestId)
}

/**
 * Makes cancelling a replayed body settle at once on an msw server of your own. `useCassette`
 * and `withCassette` do this for the servers they use; call it once for a server you give
 * `fromCassette`'s handlers to. Only cassette responses are touched: msw's copy of each is
 * cancelled, which `response:mocked` listeners of your own could otherwise read.
 *
 * @param server - The result of msw's `setupServer()`.
 * @example
 * const server = setupServer(...fromCassette('simple_object_streaming'))
 * releaseResponseCopies(server)
 */
export function releaseResponseCopies(server: ServerEvents): void {
  if (released.has(server)) return
  released.add(server)
  server.events.on('response:mocked', ({ request, response, requestId }) => {
    if (!takeAnswered(requestId) || fromSocket(request)) return
    // A listener of the user's that got there first may hold the copy locked: then it is theirs.
    if (response.body && !response.body.locked) void response.body.cancel().catch(() => {})
  })
}

/**
 * Whether msw read this response back from a mock socket (a node:http client). That copy is
 * not a branch of the cassette's body, holds no cancel up, and breaks when cancelled. msw's
 * ClientRequest interceptor tags its requests with a `kRequestId` symbol; fetch's are plain.
 */
function fromSocket(request: Request): boolean {
  return Object.getOwnPropertySymbols(request).some((symbol) => symbol.description === 'kRequestId')
}
