import { readCassetteFile } from '../cassette/load-cassette.js'
import { locateCassette, resolveCassettePath } from '../cassette/resolve-path.js'
import { MODE_ENV } from '../defaults.js'
import { CassetteNotFoundError } from '../errors/cassette-not-found-error.js'
import type { CassetteOptions } from '../options.js'
import { CassettePlayer } from '../player/cassette-player.js'
import type { Cassette } from '../types.js'
import { CassetteRecorder } from './cassette-recorder.js'
import { createRedactor } from './redactor.js'
import { isCI, resolveMode } from './resolve-mode.js'
import { warnNearMiss } from './warn-near-miss.js'

/**
 * The player for a cassette name in the mode in force (option `mode`, `MSW_CASSETTE_MODE`, or
 * the CI-dependent default): a replayer of the file, or a recorder that writes it when saved.
 * In the recording modes a missing file is an empty cassette at the path it will be written to.
 *
 * @param name - Cassette name or path.
 * @param dir - Folder names resolve in.
 * @param options - Merged options.
 * @throws {@link CassetteNotFoundError} in `replay` mode for a missing file, saying how to record it.
 */
export function openCassette(name: string, dir: string, options: CassetteOptions): CassettePlayer {
  const mode = resolveMode(options.mode)
  if (mode === 'replay') return new CassettePlayer(readForReplay(name, dir), options)
  const { path, exists } = locateCassette(name, dir)
  if (mode === 'passthrough') {
    return new CassettePlayer(emptyCassette(path), options, { behaviour: 'passthrough' })
  }
  if (mode === 'once' && exists) return new CassettePlayer(readCassetteFile(path), options)
  if (!exists) warnNearMiss(path, dir)
  // new-episodes keeps (and replays) what the file holds; record and once start empty.
  const file = mode === 'new-episodes' && exists ? readCassetteFile(path) : undefined
  const keep = file?.interactions ?? []
  const recorder = new CassetteRecorder({
    mode,
    path,
    keep,
    redactor: createRedactor(options.redact),
    layout: options.layout,
  })
  // A copy: recordings are appended to it, and the parsed file is cached and shared.
  const cassette: Cassette = { path, version: 2, interactions: [...keep] }
  if (file?.ignoredKeys) cassette.ignoredKeys = file.ignoredKeys
  const behaviour = mode === 'new-episodes' ? 'record-misses' : 'record-all'
  return new CassettePlayer(cassette, options, { behaviour, recorder })
}

function readForReplay(name: string, dir: string): Cassette {
  try {
    return readCassetteFile(resolveCassettePath(name, dir))
  } catch (error) {
    if (!(error instanceof CassetteNotFoundError)) throw error
    throw new CassetteNotFoundError(
      error.path,
      `${error.message}\n${howToRecord(error.path)}`,
      error.available,
    )
  }
}

/** Why the mode is `replay`, and how to record the missing cassette. */
function howToRecord(path: string): string {
  const why = process.env[MODE_ENV]
    ? `${MODE_ENV}=replay is set`
    : isCI()
      ? 'the environment variable CI is set, and in CI cassettes are only replayed'
      : 'the option `mode` is `replay`'
  return [
    `msw-cassette does not record here: ${why}.`,
    `To record ${path}: run the test on your machine (the default mode \`once\` records a missing cassette), or run it with ${MODE_ENV}=once; then commit the file.`,
  ].join('\n')
}

function emptyCassette(path: string): Cassette {
  return { path, version: 2, interactions: [] }
}
