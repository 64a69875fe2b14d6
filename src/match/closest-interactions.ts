import type { Interaction } from '../cassette/types.js'
import type { JsonPath } from '../json/json-paths.js'
import type { IncomingRequest } from '../options/types.js'
import { diffBody } from './diff-body.js'
import { diffUrl } from './diff-url.js'
import { liveParts, PART_NAMES, type PartNormalizers, type RequestParts } from './request-parts.js'

/** How one recorded interaction compares with a request that missed. */
export interface CandidateReport {
  interaction: Interaction
  /** Per compared part (parts set to `false` are left out): `true` when it matched. */
  matched: Partial<Record<(typeof PART_NAMES)[number], boolean>>
  /** What differs, one line each. */
  details: string[]
  /** When every part matched: who used it already. */
  usedBy: string | undefined
  /** Ranking: matched parts first, then the smaller body difference. */
  score: number
}

/** What the explanation needs from the cassette's index. */
export interface MissContext {
  normalizers: PartNormalizers
  ignorePaths: readonly JsonPath[]
  /** The header names compared, when `match.headers` is a list. */
  headerNames: readonly string[]
  /** The parts that are compared at all. */
  compared: ReadonlySet<(typeof PART_NAMES)[number]>
  /** Interactions worth explaining against: same method and host first. */
  candidates: (request: IncomingRequest) => Interaction[]
  /** Which request used an interaction, or `undefined` when it is unused. */
  usedBy: (interaction: Interaction) => string | undefined
  /** The recorded request of an interaction as matching sees it. */
  recorded: (interaction: Interaction) => RequestParts
}

/**
 * Compares a request that matched nothing with the closest recorded interactions, best first:
 * by how many parts matched, then by how little of the body differs.
 *
 * @param limit - How many candidates to report; default 3.
 */
export function closestInteractions(
  request: IncomingRequest,
  context: MissContext,
  limit = 3,
): CandidateReport[] {
  const sent = liveParts(request)
  const { normalizers } = context
  const sentKey = {
    method: normalizers.method(sent),
    url: normalizers.url(sent),
    headers: normalizers.headers(sent),
    body: normalizers.body(sent),
  }
  const reports = context.candidates(request).map((interaction): CandidateReport => {
    const recorded = context.recorded(interaction)
    const all = {
      method: normalizers.method(recorded) === sentKey.method,
      url: normalizers.url(recorded) === sentKey.url,
      headers: normalizers.headers(recorded) === sentKey.headers,
      body: normalizers.body(recorded) === sentKey.body,
    }
    const matched = Object.fromEntries(
      PART_NAMES.filter((part) => context.compared.has(part)).map((part) => [part, all[part]]),
    )
    const details: string[] = []
    if (!all.method) details.push(`method: recorded ${recorded.method}, sent ${sent.method}`)
    let urlSize = 0
    if (!all.url) {
      const lines = diffUrl(recorded.url, sent.url)
      // Another path or host is further away than another query value.
      urlSize = lines.reduce((sum, line) => sum + (line.startsWith('query') ? 1 : 10), 0)
      details.push(...orFallback(lines, 'URL differs after normalization'))
    }
    if (!all.headers) {
      for (const name of context.headerNames) {
        const a = recorded.headers.get(name)
        const b = sent.headers.get(name)
        if (a !== b)
          details.push(
            `header \`${name}\`: recorded ${JSON.stringify(a)}, sent ${JSON.stringify(b)}`,
          )
      }
      if (context.headerNames.length === 0) details.push('headers differ (custom `match.headers`)')
    }
    let bodySize = 0
    if (!all.body) {
      const difference = diffBody(recorded.body, sent.body, context.ignorePaths)
      bodySize = difference.size
      details.push(
        ...orFallback(
          difference.lines.map((line) => `body ${line}`),
          'body differs (custom `match.body`)',
        ),
      )
    }
    const parts = Object.values(matched).filter(Boolean).length
    return {
      interaction,
      matched,
      details,
      usedBy: PART_NAMES.every((part) => all[part])
        ? (context.usedBy(interaction) ?? 'an earlier request')
        : undefined,
      // Whole parts dominate; within a tie, fewer URL and body differences rank higher.
      score: parts * 1e6 - Math.min(urlSize + bodySize, 1e6 - 1),
    }
  })
  return reports
    .sort((a, b) => b.score - a.score || a.interaction.index - b.interaction.index)
    .slice(0, limit)
}

function orFallback(lines: string[], fallback: string): string[] {
  return lines.length > 0 ? lines : [fallback]
}
