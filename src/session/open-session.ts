import { readCassetteFile } from '../cassette/read-cassette.js'
import { locateCassette, resolveCassettePath } from '../cassette/resolve-path.js'
import type { Cassette } from '../cassette/types.js'
import { CassetteNotFoundError } from '../errors/cassette-not-found-error.js'
import type { ResolvedOptions } from '../options/configure.js'
import { MODE_ENV } from '../options/defaults.js'
import { isCI } from '../options/resolve-mode.js'
import { CassetteRecorder } from '../record/cassette-recorder.js'
import { createRedactor } from '../secrets/redactor.js'
import { CassetteSession, type SessionBehaviour } from './cassette-session.js'
import { warnNearMiss } from './warn-near-miss.js'

/**
 * The session for a cassette in the mode in force: a replayer of the file, or a recorder that
 * writes it when saved. In the recording modes a missing file is an empty cassette at the path
 * it will be written to. A cassette given as an object has no file to record into: it is
 * replayed in every mode but `passthrough`.
 *
 * @param nameOrCassette - Cassette name or path (resolved in `options.dir`), or a loaded cassette.
 * @param options - Resolved options.
 * @throws {@link CassetteNotFoundError} in `replay` mode for a missing file, saying how to record it.
 */
export function openSession(
  nameOrCassette: string | Cassette,
  options: ResolvedOptions,
): CassetteSession {
  const { mode, dir } = options
  const redactor = createRedactor(options.redact)
  const session = (cassette: Cassette, behaviour: SessionBehaviour, recorder?: CassetteRecorder) =>
    new CassetteSession({ cassette, options, behaviour, redactor, recorder })
  if (typeof nameOrCassette !== 'string') {
    return session(nameOrCassette, mode === 'passthrough' ? 'passthrough' : 'replay')
  }
  const name = nameOrCassette
  if (mode === 'replay') return session(readForReplay(name, dir), 'replay')
  const { path, exists } = locateCassette(name, dir)
  if (mode === 'passthrough') return session(emptyCassette(path), 'passthrough')
  if (mode === 'once' && exists) return session(readCassetteFile(path), 'replay')
  if (!exists) warnNearMiss(path, dir)
  // new-episodes keeps (and replays) what the file holds; record and once start empty.
  const file = mode === 'new-episodes' && exists ? readCassetteFile(path) : undefined
  const keep = file?.interactions ?? []
  const recorder = new CassetteRecorder({ mode, path, keep, redactor, layout: options.layout })
  // A copy: recordings are appended to it, and the parsed file is cached and shared.
  const cassette: Cassette = { path, version: 2, interactions: [...keep] }
  if (file?.ignoredKeys) cassette.ignoredKeys = file.ignoredKeys
  return session(cassette, mode === 'new-episodes' ? 'record-misses' : 'record-all', recorder)
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
