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

/** Every `withCassette` session whose `fn` is running, in any async context. */
const running = new Set<CassetteSession>()

/** The sessions of every running `withCassette`, whichever test runs them. */
export function runningSessions(): readonly CassetteSession[] {
  return [...running]
}

/** Runs `fn` with `session` added (innermost) to the current test's cassettes. */
export async function runWithSession<T>(
  session: CassetteSession,
  fn: () => T,
): Promise<Awaited<T>> {
  running.add(session)
  try {
    return await scope.run([session, ...scopedSessions()], fn)
  } finally {
    running.delete(session)
  }
}
