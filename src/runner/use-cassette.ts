import { createPlayer } from '../from-cassette.js'
import type { CassetteOptions } from '../options.js'
import type { Miss } from '../player/cassette-player.js'
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
  afterAll(fn: () => void): void
  beforeEach(fn: () => void): void
  afterEach(fn: () => void): void
}

/** Options of `useCassette`: the cassette options, and the msw server to use. */
export interface UseCassetteOptions extends CassetteOptions {
  /** An msw server from `setupServer()` to add the cassette to. Default: one msw-cassette starts. */
  server?: ServerLike
}

/** What `useCassette` returns. */
export interface CassetteHandle {
  /** The parsed cassette. */
  readonly cassette: Cassette
  /** Requests of the current test that matched nothing. */
  readonly misses: readonly Miss[]
  /** Interactions the current test has not requested yet. */
  unused(): Interaction[]
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
      server = acquireServer(options?.server ?? (player.options as UseCassetteOptions).server)
      activate(server, player)
    })
    hooks.beforeEach(() => {
      player.reset()
      if (server) ensureInstalled(server)
    })
    hooks.afterAll(() => {
      if (!server) return
      deactivate(server, player)
      releaseServer(server)
      server = undefined
    })
    return {
      cassette: player.cassette,
      get misses() {
        return player.misses
      },
      unused: () => player.unused(),
    }
  }
}
