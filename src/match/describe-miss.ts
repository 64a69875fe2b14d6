import type { Cassette, Interaction } from '../cassette/types.js'
import { formatMessage } from '../errors/message.js'
import type { IncomingRequest } from '../options/types.js'
import type { CandidateReport } from './closest-interactions.js'
import type { LookupResult } from './interaction-index.js'

/** `#3 POST https://…`: how messages name an interaction. */
export function describeInteraction(interaction: Interaction): string {
  return `#${interaction.id} ${interaction.request.method} ${interaction.request.url}`
}

/** `POST https://…`: how messages name a live request. */
export function describeRequest(request: Pick<IncomingRequest, 'method' | 'url'>): string {
  return `${request.method} ${request.url.href}`
}

/**
 * The message of a request that no unused interaction answers: the cassette and the request,
 * then the closest recordings with what matched and what differs, best first, then what to do.
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
  const details: string[] = []
  if (cassette.interactions.length === 0) {
    details.push('The cassette has no interactions.')
  } else if (closest.length === 0) {
    details.push(
      `None of its ${cassette.interactions.length} interactions is close to this request.`,
    )
  } else {
    details.push(
      customMatcher
        ? 'Closest recordings (your `matcher` decided; parts compared with the defaults):'
        : 'Closest recordings:',
    )
    for (const report of closest) details.push(...describeCandidate(report))
  }
  return formatMessage({
    problem: 'no unused recorded interaction matches the request',
    file: cassette.path,
    request: describeRequest(request),
    details,
    hint:
      result.kind === 'used-up'
        ? 'Every interaction that matches was already used. Identical requests get successive recordings; pass `allowRepeats: true` to let used interactions answer again, or record the extra request.'
        : 'The request was not sent to the network. If it changed on purpose, record the cassette again.',
  })
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
