import { createPlayer } from '../from-cassette.js'
import type { CassetteOptions } from '../options.js'
import type { CassettePlayer, Miss } from '../player/cassette-player.js'
import { failedTestName } from '../record/failed-test.js'
import type { Cassette, Interaction } from '../types.js'
import {
  acquireServer,
  activate,
  deactivate,
  ensureInstalled,
  releaseServer,
  type ServerLike,
} from './server-registry.js'

/** The lifecycle hooks of a test runner (vitest's or jest's). */
export interface RunnerHooks {
  beforeAll(fn: () => void): void
  afterAll(fn: () => void | Promise<void>): void
  beforeEach(fn: () => void): void
  /** vitest passes the test context (rest parameters keep jest from waiting for `done`). */
  afterEach(fn: (...args: unknown[]) => void): void
}

/** Options of `useCassette` and `withCassette`: the cassette options, and the msw server to use. */
export interface UseCassetteOptions extends CassetteOptions {
  /** An msw server from `setupServer()` to add the cassette to. Default: one msw-cassette starts. */
  server?: ServerLike
}

/** What `useCassette` and `withCassette` give back. */
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

/** The handle over one player. */
export function createHandle(player: CassettePlayer): CassetteHandle {
  return {
    cassette: player.cassette,
    get misses() {
      return player.misses
    },
    takeMisses: () => player.misses.splice(0),
    unused: () => player.unused(),
    verify: (options) => player.verify(options?.strict),
  }
}

/** The server option in force: the call's, else the one given to `configure`. */
export function serverOption(
  player: CassettePlayer,
  options: UseCassetteOptions | undefined,
): ServerLike | undefined {
  return options?.server ?? (player.options as UseCassetteOptions).server
}

/**
 * Builds `useCassette` on a runner's hooks. Kept free of any runner import, so the core can be
 * used and tested without one.
 */
export function createUseCassette(hooks: RunnerHooks) {
  return function useCassette(
    name: string | Cassette,
    options?: UseCassetteOptions,
  ): CassetteHandle {
    const player = createPlayer(name, options, 'useCassette')
    let server: ServerLike | undefined
    hooks.beforeAll(() => {
      server = acquireServer(serverOption(player, options))
      activate(server, player)
    })
    hooks.beforeEach(() => {
      player.reset()
      if (server) ensureInstalled(server)
    })
    // A request that missed already failed at its call; failing here too catches code under
    // test that swallowed that failure (a retry loop, a catch-all).
    hooks.afterEach((...args: unknown[]) => {
      // A failed test keeps its recording out of the cassette, so the previous file survives.
      const failed = failedTestName(args[0])
      if (failed !== undefined) player.recorder?.discard(`the test "${failed}" failed`)
      try {
        player.verify()
      } catch (error) {
        player.recorder?.discard('a request missed')
        throw error
      }
    })
    hooks.afterAll(async () => {
      try {
        // The end of the file or describe block: the cassette is written now, or never.
        await player.save()
      } finally {
        if (server) {
          deactivate(server, player)
          releaseServer(server)
          server = undefined
        }
      }
    })
    return createHandle(player)
  }
}
