import type { HttpHandler } from 'msw'
import type { Cassette } from '../cassette/types.js'
import { resolveOptions } from '../options/configure.js'
import type { CassetteOptions } from '../options/types.js'
import { type CassetteHandle, createHandle } from '../session/handle.js'
import { openSession } from '../session/open-session.js'
import { createCassetteHandler } from './create-handler.js'

/**
 * The msw handlers of a cassette (an array, to spread into `setupServer`), with the cassette
 * and its replay state attached.
 */
export interface CassetteHandlers extends Array<HttpHandler>, CassetteHandle {
  /** Marks every interaction unused again and forgets the misses, e.g. in `afterEach`. */
  reset(): void
  /**
   * Writes what was recorded to the cassette file, when the mode records and something new was
   * recorded; waits for responses still streaming. Call it in `afterAll`, and skip it when a
   * test failed to keep the previous cassette. Resolves to whether the file was written.
   *
   * @example afterAll(() => handlers.save())
   */
  save(): Promise<boolean>
}

/**
 * Turns a cassette into msw request handlers: every request is answered from the recording,
 * and a request the cassette does not hold fails at the call without reaching the network.
 * In the recording modes (option `mode`, `MSW_CASSETTE_MODE`) requests go to the network
 * instead, and `save()` writes them.
 *
 * @param nameOrCassette - A cassette name (`<dir>/<name>.yaml`), a path, or a loaded cassette.
 * @param options - Matching, timing, mode, `dir`...; merged over `configure`'s.
 * @example
 * const server = setupServer(...fromCassette('simple_object_streaming'))
 */
export function fromCassette(
  nameOrCassette: string | Cassette,
  options?: CassetteOptions,
): CassetteHandlers {
  const session = openSession(nameOrCassette, resolveOptions(options, 'fromCassette'))
  const handle = createHandle(session)
  return Object.defineProperties([createCassetteHandler(() => [session])], {
    ...Object.getOwnPropertyDescriptors(handle),
    reset: { value: () => session.reset() },
    save: { value: () => session.save() },
  }) as CassetteHandlers
}
