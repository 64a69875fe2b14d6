import { relative } from 'node:path'
import type { LookupResult } from '../match/interaction-index.js'
import type { IncomingRequest } from '../options.js'
import type { Cassette } from '../types.js'

/** A cassette path as a user reads it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || rel === '' ? path : rel
}

/**
 * The message of a request that no unused interaction answers: the cassette, the request, and
 * whether matches existed but were all used.
 */
export function describeMiss(
  cassette: Cassette,
  request: IncomingRequest,
  result: LookupResult,
): string {
  const lines = [
    `msw-cassette: no recorded interaction in ${displayPath(cassette.path)} matches ${request.method} ${request.url.href}.`,
  ]
  if (result.kind === 'used-up') {
    const ids = result.matches.map((interaction) => interaction.id).join(', ')
    lines.push(
      `${result.matches.length === 1 ? 'The interaction that matches it' : `All ${result.matches.length} interactions that match it`} (id ${ids}) ${result.matches.length === 1 ? 'was' : 'were'} already used by earlier requests.`,
      'Pass `allowRepeats: true` to let used interactions answer again, or record the extra request.',
    )
  } else {
    lines.push(
      `None of its ${cassette.interactions.length} interactions has this method, URL and body. The request was not sent to the network.`,
      'Check what the code under test sends, or record the cassette again.',
    )
  }
  return lines.join('\n')
}
