import type { HttpHandler } from 'msw'
import { readCassetteFile } from './cassette/load-cassette.js'
import { resolveCassettePath } from './cassette/resolve-path.js'
import { mergeOptions } from './config.js'
import { DEFAULTS } from './defaults.js'
import { createCassetteHandler } from './msw/create-handler.js'
import type { CassetteOptions } from './options.js'
import { CassettePlayer, type Miss } from './player/cassette-player.js'
import { openCassette } from './record/open-cassette.js'
import { resolveMode } from './record/resolve-mode.js'
import type { Cassette, Interaction } from './types.js'

/**
 * The msw handlers of a cassette (an array, to spread into `setupServer`), with the cassette
 * and its replay state attached.
 */
export interface CassetteHandlers extends Array<HttpHandler> {
  /** The parsed cassette. */
  readonly cassette: Cassette
  /** Marks every interaction unused again, e.g. in `afterEach`. */
  reset(): void
  /** Interactions not requested since the last reset. */
  unused(): Interaction[]
  /**
   * Throws the first request that missed since the last reset (so a swallowed failure still
   * fails the test), and with `strict` a list of interactions never requested. Call it in
   * `afterEach`.
   */
  verify(options?: { strict?: boolean }): void
  /** Returns the requests that missed since the last reset and forgets them (a test that expects a miss). */
  takeMisses(): Miss[]
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
 * @param options - Matching, timing and `dir`; merged over {@link configure}'s.
 * @example
 * const server = setupServer(...fromCassette('simple_object_streaming'))
 */
export function fromCassette(
  nameOrCassette: string | Cassette,
  options?: CassetteOptions,
): CassetteHandlers {
  const player = createPlayer(nameOrCassette, options, 'fromCassette')
  const handler = createCassetteHandler(() => [player])
  return Object.assign([handler], {
    cassette: player.cassette,
    reset: () => player.reset(),
    unused: () => player.unused(),
    verify: (verifyOptions?: { strict?: boolean }) => player.verify(verifyOptions?.strict),
    takeMisses: () => player.misses.splice(0),
    save: () => player.save(),
  })
}

/** Loads a cassette by name or takes a loaded one, and wraps it in a player. */
export function createPlayer(
  nameOrCassette: string | Cassette,
  options: CassetteOptions | undefined,
  caller: string,
): CassettePlayer {
  const merged = mergeOptions(options, caller)
  if (typeof nameOrCassette === 'string') {
    return openCassette(nameOrCassette, merged.dir ?? DEFAULTS.dir, merged)
  }
  // A cassette built in memory has no file to record into: it is replayed in every mode but
  // passthrough.
  const passthrough = resolveMode(merged.mode) === 'passthrough'
  return new CassettePlayer(
    nameOrCassette,
    merged,
    passthrough ? { behaviour: 'passthrough' } : undefined,
  )
}

/**
 * Reads, validates and returns a cassette. Files are parsed once per process and read again
 * only when they change.
 *
 * @param nameOrPath - A cassette name resolved in `dir`, or a path to a `.yaml`/`.yml` file.
 * @param options - `dir` to resolve names in; default `fixtures`.
 * @throws `CassetteNotFoundError`, `CassetteFormatError`.
 * @example const cassette = loadCassette('fixtures/simple_object_streaming.yaml')
 */
export function loadCassette(
  nameOrPath: string,
  options: Pick<CassetteOptions, 'dir'> = {},
): Cassette {
  const dir =
    options.dir ?? mergeOptions<CassetteOptions>(undefined, 'loadCassette').dir ?? DEFAULTS.dir
  return readCassetteFile(resolveCassettePath(nameOrPath, dir))
}
