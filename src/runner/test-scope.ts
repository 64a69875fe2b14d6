import { AsyncLocalStorage } from 'node:async_hooks'
import type { CassetteSession } from '../session/cassette-session.js'

/**
 * The cassettes of one running test (`withCassette`), carried with its async context: a request
 * made by that test sees them, a concurrently running test does not.
 */
const scope = new AsyncLocalStorage<readonly CassetteSession[]>()

/** Cassettes of the test that made the current request, innermost first. */
export function scopedSessions(): readonly CassetteSession[] {
  return scope.getStore() ?? []
}

/** Runs `fn` with `session` added (innermost) to the current test's cassettes. */
export function runWithSession<T>(session: CassetteSession, fn: () => T): T {
  return scope.run([session, ...scopedSessions()], fn)
}
