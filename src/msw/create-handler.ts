import { type HttpHandler, http, passthrough } from 'msw'
import type { LookupResult } from '../match/interaction-index.js'
import type { CassetteSession } from '../session/cassette-session.js'
import { readIncomingRequest } from './read-request.js'

/**
 * One msw handler that answers from the given sessions, innermost first. A single handler with
 * an index lookup costs the same for 1 or 10,000 interactions, where one handler per
 * interaction would make msw scan them all on every request.
 *
 * @param sessions - Called per request, so a test-runner glue can change what is active.
 *   When it returns none, the handler steps aside and msw goes on to the next handler.
 */
export function createCassetteHandler(sessions: () => readonly CassetteSession[]): HttpHandler {
  return http.all('*', async ({ request }) => {
    const active = sessions()
    const first = active[0]
    if (first === undefined) return undefined
    // The innermost cassette's mode decides what reaches the network.
    if (first.behaviour === 'passthrough') return passthrough()
    const incoming = await readIncomingRequest(request)
    if (first.behaviour === 'record-all') return first.record(request, incoming)
    let firstResult: LookupResult | undefined
    for (const session of active) {
      const result = session.lookup(incoming)
      if (result.kind === 'hit') return session.respond(result.interaction)
      firstResult ??= result
    }
    if (first.behaviour === 'record-misses') return first.record(request, incoming)
    // Thrown, not returned: msw hands an error with `code` and `errno` to the client as the
    // request's failure (rejected fetch, ClientRequest 'error'), and nothing reaches the network.
    throw first.miss(incoming, firstResult ?? { kind: 'miss' })
  })
}
