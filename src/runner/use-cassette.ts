import type { Cassette } from '../cassette/types.js'
import { resolveOptions } from '../options/configure.js'
import type { UseCassetteOptions } from '../options/types.js'
import { type CassetteHandle, createHandle } from '../session/handle.js'
import { openSession } from '../session/open-session.js'
import { failedTestName } from './failed-test.js'
import {
  acquireServer,
  activate,
  deactivate,
  ensureInstalled,
  releaseServer,
} from './server-registry.js'

/** The lifecycle hooks of a test runner (vitest's or jest's). */
export interface RunnerHooks {
  beforeAll(fn: () => void): void
  afterAll(fn: () => void | Promise<void>): void
  beforeEach(fn: () => void): void
  /** vitest passes the test context (rest parameters keep jest from waiting for `done`). */
  afterEach(fn: (...args: unknown[]) => void): void
}

/** `useCassette` as a runner glue exports it. */
export type UseCassette = (name: string | Cassette, options?: UseCassetteOptions) => CassetteHandle

/**
 * Builds `useCassette` on a runner's hooks. Kept free of any runner import, so the core can be
 * used and tested without one.
 */
export function createUseCassette(hooks: RunnerHooks): UseCassette {
  return function useCassette(name, options) {
    const session = openSession(name, resolveOptions(options, 'useCassette'))
    let server: ReturnType<typeof acquireServer> | undefined
    hooks.beforeAll(() => {
      server = acquireServer(session.options.server)
      activate(server, session)
    })
    hooks.beforeEach(() => {
      session.reset()
      if (server) ensureInstalled(server)
    })
    // A request that missed already failed at its call; failing here too catches code under
    // test that swallowed that failure (a retry loop, a catch-all).
    hooks.afterEach((...args: unknown[]) => {
      // A failed test keeps its recording out of the cassette, so the previous file survives.
      const failed = failedTestName(args[0])
      if (failed !== undefined) session.recorder?.discard(`the test "${failed}" failed`)
      try {
        session.verify()
      } catch (error) {
        session.recorder?.discard('a request missed')
        throw error
      }
    })
    hooks.afterAll(async () => {
      try {
        // The end of the file or describe block: the cassette is written now, or never.
        await session.save()
      } finally {
        if (server) {
          deactivate(server, session)
          releaseServer(server)
          server = undefined
        }
      }
    })
    return createHandle(session)
  }
}
