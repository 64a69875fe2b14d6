import { dirname, relative } from 'node:path'
import { closest, distance } from 'fastest-levenshtein'
import { listCassettes } from '../cassette/resolve-path.js'
import { displayPath } from '../player/describe-miss.js'

/**
 * Warns when a cassette about to be recorded from scratch has a name one typo away from a
 * cassette that exists: outside CI a misspelt name would otherwise quietly send the tests to
 * the real network. Returns the warning, or `undefined` when there is nothing close.
 *
 * @param path - The file that will be written.
 * @param dir - The folder names resolve in.
 * @param write - Where the warning goes; default stderr.
 */
export function warnNearMiss(
  path: string,
  dir: string,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): string | undefined {
  const root = relative(dir, path).startsWith('..') ? dirname(path) : dir
  const wanted = relative(root, path).replace(/\.ya?ml$/, '')
  const available = listCassettes(root)
  if (available.length === 0) return undefined
  const near = closest(wanted, available)
  // One or two edits, or a fifth of a long name: a typo, not a different cassette.
  if (distance(wanted, near) > Math.max(2, Math.floor(wanted.length / 5))) return undefined
  const warning = `msw-cassette: recording a new cassette ${displayPath(path)}, and its requests go to the network. Did you mean "${near}"? (Mode comes from \`mode\`, MSW_CASSETTE_MODE or CI.)`
  write(warning)
  return warning
}
