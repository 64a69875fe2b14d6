import { type HttpHandler, http, passthrough } from 'msw'
import { answerRequest } from '../session/answer-request.js'
import type { CassetteSession } from '../session/cassette-session.js'
import { readIncomingRequest } from './read-request.js'
import { noteAnswered } from './release-response-copies.js'

/**
 * One msw handler that answers from the given sessions, innermost first. A single handler with
 * an index lookup costs the same for 1 or 10,000 interactions, where one handler per
 * interaction would make msw scan them all on every request.
 *
 * @param sessions - Called per request, so a test-runner glue can change what is active.
 *   When it returns none, the handler steps aside and msw goes on to the next handler.
 * @param outOfScope - Called for a request no cassette is active for; may throw to refuse it.
 */
export function createCassetteHandler(
  sessions: () => readonly CassetteSession[],
  outOfScope?: (request: Request) => void,
): HttpHandler {
  return http.all('*', async ({ request, requestId }) => {
    const active = sessions()
    if (active.length === 0) {
      outOfScope?.(request)
      return undefined
    }
    if (active[0]?.behaviour === 'passthrough') return passthrough()
    // Thrown misses are not returned: msw hands an error with `code` and `errno` to the client
    // as the request's failure (rejected fetch, ClientRequest 'error'), and nothing reaches the
    // network.
    const answer = answerRequest(active, request, await readIncomingRequest(request))
    if (answer.kind !== 'response') return answer.kind === 'passthrough' ? passthrough() : undefined
    const response = await answer.response
    noteAnswered(requestId)
    return response
  })
}
