import type { Cassette, Interaction } from '../cassette/types.js'
import type { CassetteSession, Miss } from './cassette-session.js'

/** What `useCassette`, `withCassette` and `fromCassette` give back to look at a cassette's state. */
export interface CassetteHandle {
  /** The parsed cassette. */
  readonly cassette: Cassette
  /** Requests of the current test that matched nothing. */
  readonly misses: readonly Miss[]
  /** Returns the current test's misses and forgets them, for a test that expects a miss. */
  takeMisses(): Miss[]
  /** Interactions the current test has not requested yet. */
  unused(): Interaction[]
  /**
   * Throws when a request of the current test missed, or (with `strict`, here or in the options)
   * when an interaction was never requested. The runner glue calls it after each test.
   */
  verify(options?: { strict?: boolean }): void
}

/** The handle over one session. */
export function createHandle(session: CassetteSession): CassetteHandle {
  return {
    cassette: session.cassette,
    get misses() {
      return session.missed()
    },
    takeMisses: () => session.takeMisses(),
    unused: () => session.unused(),
    verify: (options) => session.verify(options?.strict),
  }
}
