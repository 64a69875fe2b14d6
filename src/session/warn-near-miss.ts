import { dirname, relative } from 'node:path'
import { closest, distance } from 'fastest-levenshtein'
import { listCassettes } from '../cassette/resolve-path.js'
import { type WarningSink, warn } from '../errors/warn.js'

/**
 * Warns when a cassette about to be recorded from scratch has a name one typo away from a
 * cassette that exists: outside CI a misspelt name would otherwise quietly send the tests to
 * the real network. Returns the warning, or `undefined` when there is nothing close.
 *
 * @param path - The file that will be written.
 * @param dir - The folder names resolve in.
 * @param sink - Where the warning goes; default the warning channel.
 */
export function warnNearMiss(path: string, dir: string, sink?: WarningSink): string | undefined {
  const root = relative(dir, path).startsWith('..') ? dirname(path) : dir
  const wanted = relative(root, path).replace(/\.ya?ml$/, '')
  const available = listCassettes(root)
  if (available.length === 0) return undefined
  const near = closest(wanted, available)
  // One or two edits, or a fifth of a long name: a typo, not a different cassette.
  if (distance(wanted, near) > Math.max(2, Math.floor(wanted.length / 5))) return undefined
  return warn(
    {
      problem: 'recording a new cassette, and its requests go to the network',
      file: path,
      hint: `Did you mean "${near}"? (The mode comes from \`mode\`, MSW_CASSETTE_MODE or CI.)`,
    },
    sink,
  )
}
