import type { Interaction } from '../cassette/types.js'
import type { JsonPath } from '../json/json-paths.js'
import type { IncomingRequest } from '../options/types.js'
import { candidateProfile, liveShare, partDistance } from './candidate-profile.js'
import { diffBody } from './diff-body.js'
import { diffUrl } from './diff-url.js'
import {
  liveParts,
  PART_NAMES,
  type PartNormalizers,
  type RequestKey,
  type RequestParts,
  requestKey,
} from './request-parts.js'

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
  /** Its normalized key, cached. */
  recordedKey: (interaction: Interaction) => RequestKey
}

/** How many candidates, ranked cheaply, get the full comparison. */
const SHORTLIST = 12

/**
 * Compares a request that matched nothing with the closest recorded interactions, best first:
 * by how many parts matched, then by how little of the URL and body differs.
 *
 * Two passes keep a miss in a cassette of thousands fast: every candidate is ranked from its
 * {@link candidateProfile} (which parts are equal, and a rough size of the difference, in
 * integers), and only a shortlist gets the full diff that the message shows.
 *
 * @param limit - How many candidates to report; default 3.
 */
export function closestInteractions(
  request: IncomingRequest,
  context: MissContext,
  limit = 3,
): CandidateReport[] {
  const sent = liveParts(request)
  const sentKey = requestKey(context.normalizers, sent)
  // One pass keeps the best few by a cheap rank; sorting every candidate cost more than ranking.
  const shortlist: { interaction: Interaction; same: Same; rough: number }[] = []
  const size = Math.max(limit, SHORTLIST)
  const candidates = context.candidates(request)
  const profile = candidateProfile(candidates, context.recordedKey)
  const compares = {
    method: context.compared.has('method'),
    url: context.compared.has('url'),
    headers: context.compared.has('headers'),
    body: context.compared.has('body'),
  }
  const method = profile.method.idOf.get(sentKey.method) ?? -1
  const headers = profile.headers.idOf.get(sentKey.headers) ?? -1
  const url = liveShare(profile.url, sentKey.url)
  const body = liveShare(profile.body, sentKey.body)
  candidates.forEach((interaction, at) => {
    const urlDistance = compares.url ? partDistance(profile.url, sentKey.url, url, at) : 0
    const bodyDistance = compares.body ? partDistance(profile.body, sentKey.body, body, at) : 0
    // A part that is not compared counts as the same, so it never tells candidates apart.
    const same: Same = {
      method: !compares.method || profile.method.ids[at] === method,
      url: urlDistance === 0,
      headers: !compares.headers || profile.headers.ids[at] === headers,
      body: bodyDistance === 0,
    }
    const rough = partsMatched(same, context) * 1e9 - urlDistance - bodyDistance
    const worst = shortlist[shortlist.length - 1]
    if (shortlist.length === size && worst !== undefined && rough <= worst.rough) return
    // Candidates come in file order, so among equals the earlier one stays ahead.
    let place = shortlist.length
    while (place > 0 && (shortlist[place - 1]?.rough ?? 0) < rough) place--
    shortlist.splice(place, 0, { interaction, same, rough })
    if (shortlist.length > size) shortlist.pop()
  })
  const ranked = shortlist
  return ranked
    .map(({ interaction, same }) => report(interaction, same, sent, context))
    .sort((a, b) => b.score - a.score || a.interaction.index - b.interaction.index)
    .slice(0, limit)
}

type Same = Record<(typeof PART_NAMES)[number], boolean>

function partsMatched(same: Same, context: MissContext): number {
  let count = 0
  for (const part of PART_NAMES) if (same[part] && context.compared.has(part)) count++
  return count
}

/** The full comparison of one candidate: what matched, each difference, and the exact score. */
function report(
  interaction: Interaction,
  all: Same,
  sent: RequestParts,
  context: MissContext,
): CandidateReport {
  const recorded = context.recorded(interaction)
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
        details.push(`header \`${name}\`: recorded ${JSON.stringify(a)}, sent ${JSON.stringify(b)}`)
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
  return {
    interaction,
    matched,
    details,
    usedBy: PART_NAMES.every((part) => all[part])
      ? (context.usedBy(interaction) ?? 'an earlier request')
      : undefined,
    // Whole parts dominate; within a tie, fewer URL and body differences rank higher.
    score: partsMatched(all, context) * 1e6 - Math.min(urlSize + bodySize, 1e6 - 1),
  }
}

function orFallback(lines: string[], fallback: string): string[] {
  return lines.length > 0 ? lines : [fallback]
}
