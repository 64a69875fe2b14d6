import { relative } from 'node:path'
import type { CandidateReport } from '../match/explain-miss.js'
import type { LookupResult } from '../match/interaction-index.js'
import type { IncomingRequest } from '../options.js'
import type { Cassette, Interaction } from '../types.js'

/** A cassette path as a user reads it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || rel === '' ? path : rel
}

/** `#3 POST https://…`: how messages name an interaction. */
export function describeInteraction(interaction: Interaction): string {
  return `#${interaction.id} ${interaction.request.method} ${interaction.request.url}`
}

/**
 * The message of a request that no unused interaction answers: the cassette and the request,
 * then the closest recordings with what matched and what differs, best first.
 *
 * @param customMatcher - Whether a custom `matcher` decided (the parts shown use the defaults).
 */
export function describeMiss(
  cassette: Cassette,
  request: IncomingRequest,
  result: LookupResult,
  closest: readonly CandidateReport[],
  customMatcher: boolean,
): string {
  const lines = [
    `msw-cassette: no unused recorded interaction in ${displayPath(cassette.path)} matches`,
    `  ${request.method} ${request.url.href}`,
    '',
  ]
  if (cassette.interactions.length === 0) {
    lines.push('The cassette has no interactions.')
  } else if (closest.length === 0) {
    lines.push(`None of its ${cassette.interactions.length} interactions is close to this request.`)
  } else {
    lines.push(
      customMatcher
        ? 'Closest recordings (your `matcher` decided; parts compared with the defaults):'
        : 'Closest recordings:',
    )
    for (const report of closest) lines.push(...describeCandidate(report))
  }
  lines.push('')
  if (result.kind === 'used-up') {
    lines.push(
      `Every interaction that matches was already used. Identical requests get successive recordings; pass \`allowRepeats: true\` to let used interactions answer again, or record the extra request.`,
    )
  } else {
    lines.push(
      'The request was not sent to the network. If it changed on purpose, record the cassette again.',
    )
  }
  return lines.join('\n')
}

function describeCandidate(report: CandidateReport): string[] {
  const verdict = Object.entries(report.matched)
    .map(([part, ok]) => `${part} ${ok ? 'matches' : 'differs'}`)
    .join(', ')
  const lines = [`  ${describeInteraction(report.interaction)}`, `      ${verdict}`]
  if (report.usedBy !== undefined)
    lines.push(`      matches fully, but was already used by ${report.usedBy}`)
  for (const detail of report.details) lines.push(`      - ${detail}`)
  return lines
}
