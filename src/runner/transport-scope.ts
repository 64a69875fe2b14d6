import { formatMessage } from '../errors/message.js'
import { UnmatchedRequestError } from '../errors/unmatched-request-error.js'
import { resolveOptions } from '../options/configure.js'
import type { CassetteSession } from '../session/cassette-session.js'
import type { DispatchScope } from '../transport/cassette-dispatcher.js'
import { runningSessions, scopedSessions } from './test-scope.js'

/**
 * The refusal of a request made while no cassette was active for it, in mode `replay`: the
 * error the client gets, also counted as a miss of every `withCassette` running at the time,
 * since one of them started the work that sent it. Other modes let it through.
 *
 * @param method - The request's method.
 * @param url - The request's URL.
 */
export function refuseOutOfScope(method: string, url: string): UnmatchedRequestError | undefined {
  if (resolveOptions(undefined, 'withCassette').mode !== 'replay') return undefined
  const error = new UnmatchedRequestError(
    '',
    method,
    url,
    formatMessage({
      problem:
        'no cassette was active for this request, and in mode `replay` nothing reaches the network',
      request: `${method} ${url}`,
      details: [
        'It was made outside every cassette scope: outside the `fn` of a running `withCassette` (for example from work started at module level or by another test), or after the `useCassette` block ended.',
      ],
      hint: 'Make the request inside `withCassette(name, fn)` (await the work in `fn`), or call `useCassette(name)` in the file or `describe` block that makes it.',
    }),
  )
  const request = {
    method,
    url: new URL(url),
    headers: new Headers(),
    bytes: new Uint8Array(0),
    text: '',
  }
  for (const session of runningSessions()) session.addMiss({ request, error })
  return error
}

/**
 * The cassettes the process-wide interception (the undici dispatcher) answers from: the
 * current test's own (`withCassette`), then every `useCassette` block, inner to outer.
 *
 * @param blocks - The `useCassette` cassettes of every server, inner to outer.
 */
export function createDispatchScope(blocks: () => readonly CassetteSession[]): DispatchScope {
  return {
    sessions: () => [...scopedSessions(), ...blocks()],
    outOfScope: refuseOutOfScope,
  }
}
