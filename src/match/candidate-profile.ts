import type { Interaction } from '../cassette/types.js'
import type { RequestKey } from './request-parts.js'

/**
 * What a miss needs to rank thousands of candidates without reading their strings again: per
 * part, integers only. Built once per candidate list (the index keeps its lists), on the first
 * miss against it.
 *
 * Why: reading each candidate's key strings on every miss cost a trip to memory per string,
 * and that, not the comparing, made a miss against 10,000 interactions slow. URLs and bodies
 * are kept sorted, so the common start of a live value with every candidate follows from the
 * common starts of neighbours in that order (one binary search and one pass of integers).
 */
export interface CandidateProfile {
  /** The recorded keys, in the list's order. */
  keys: RequestKey[]
  /** Per candidate: an id per distinct method key, and per distinct headers key. */
  method: Interned
  headers: Interned
  url: SortedPart
  body: SortedPart
}

/** Equal strings get equal ids. */
export interface Interned {
  ids: Int32Array
  idOf: Map<string, number>
}

/** One part's values, sorted, with what neighbours share. */
export interface SortedPart {
  /** Per candidate: its value. */
  values: string[]
  /** Per candidate: its value's length. */
  length: Uint32Array
  /** Candidate positions in the sorted order of their values. */
  order: Uint32Array
  /** Per sorted position `j > 0`: the common start of the values at `j - 1` and `j`. */
  shared: Uint32Array
  /** Per candidate: the common end of its value with the first candidate's (capped, rough). */
  end: Uint32Array
}

/** What one live value shares with every candidate of a {@link SortedPart}. */
export interface LiveShare {
  /** Per candidate: the exact length of the common start. */
  start: Uint32Array
  /** The common end with the first candidate's value (rough, like {@link SortedPart.end}). */
  end: number
}

const profiles = new WeakMap<readonly Interaction[], CandidateProfile>()

/**
 * The profile of a candidate list, built on first use.
 *
 * @param keyOf - The recorded key of a candidate (cached by the index).
 */
export function candidateProfile(
  candidates: readonly Interaction[],
  keyOf: (interaction: Interaction) => RequestKey,
): CandidateProfile {
  let profile = profiles.get(candidates)
  if (profile) return profile
  const keys = candidates.map(keyOf)
  profile = {
    keys,
    method: intern(keys.map((key) => key.method)),
    headers: intern(keys.map((key) => key.headers)),
    url: sortPart(keys.map((key) => key.url)),
    body: sortPart(keys.map((key) => key.body)),
  }
  profiles.set(candidates, profile)
  return profile
}

function intern(values: readonly string[]): Interned {
  const idOf = new Map<string, number>()
  const ids = new Int32Array(values.length)
  values.forEach((value, at) => {
    let id = idOf.get(value)
    if (id === undefined) {
      id = idOf.size
      idOf.set(value, id)
    }
    ids[at] = id
  })
  return { ids, idOf }
}

function sortPart(values: string[]): SortedPart {
  const count = values.length
  const order = Uint32Array.from(values.keys()).sort((a, b) => {
    const x = values[a] ?? ''
    const y = values[b] ?? ''
    return x < y ? -1 : x > y ? 1 : a - b
  })
  const shared = new Uint32Array(count)
  for (let at = 1; at < count; at++) {
    const previous = values[order[at - 1] ?? 0] ?? ''
    const value = values[order[at] ?? 0] ?? ''
    shared[at] = commonPrefix(previous, value, Math.min(previous.length, value.length))
  }
  const sample = values[0] ?? ''
  const length = new Uint32Array(count)
  const end = new Uint32Array(count)
  values.forEach((value, at) => {
    length[at] = value.length
    end[at] = commonEnd(sample, value)
  })
  return { values, length, order, shared, end }
}

/** What a live value shares with every candidate's value of one part. */
export function liveShare(part: SortedPart, live: string): LiveShare {
  const { values, order, shared } = part
  const count = order.length
  // The first sorted position whose value is not below the live one.
  let low = 0
  let high = count
  while (low < high) {
    const middle = (low + high) >> 1
    if ((values[order[middle] ?? 0] ?? '') < live) low = middle + 1
    else high = middle
  }
  const start = new Uint32Array(count)
  // Sorted neighbours: the common start with a value further away is the smallest of the
  // common starts along the way.
  let run = 0
  for (let at = low - 1; at >= 0; at--) {
    const candidate = order[at] ?? 0
    const value = values[candidate] ?? ''
    run =
      at === low - 1
        ? commonPrefix(value, live, Math.min(value.length, live.length))
        : Math.min(run, shared[at + 1] ?? 0)
    start[candidate] = run
  }
  for (let at = low; at < count; at++) {
    const candidate = order[at] ?? 0
    const value = values[candidate] ?? ''
    run =
      at === low
        ? commonPrefix(value, live, Math.min(value.length, live.length))
        : Math.min(run, shared[at] ?? 0)
    start[candidate] = run
  }
  return { start, end: commonEnd(values[0] ?? '', live) }
}

/**
 * How one candidate's value compares with the live one: whether they are equal (exact), and
 * about how many characters differ (what is left between the common start and end).
 */
export function partDistance(
  part: SortedPart,
  live: string,
  share: LiveShare,
  candidate: number,
): number {
  const length = part.length[candidate] ?? 0
  const start = share.start[candidate] ?? 0
  if (length === live.length && start === length) return 0
  const end = Math.min(part.end[candidate] ?? 0, share.end, Math.min(length, live.length) - start)
  return Math.max(length, live.length) - start - end
}

/** The common end of two values, capped so it does not reach into a common start. */
function commonEnd(a: string, b: string): number {
  const limit = Math.min(a.length, b.length)
  const start = commonPrefix(a, b, limit)
  return commonSuffix(a, b, limit - start)
}

// Whole blocks compared with native string equality cost a fraction of a char-by-char loop.
const BLOCK = 64

/** How many leading characters two strings share, up to `limit`. */
export function commonPrefix(a: string, b: string, limit: number): number {
  let same = 0
  while (same + BLOCK <= limit && a.slice(same, same + BLOCK) === b.slice(same, same + BLOCK)) {
    same += BLOCK
  }
  while (same < limit && a[same] === b[same]) same++
  return same
}

/** How many trailing characters two strings share, up to `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let same = 0
  while (
    same + BLOCK <= limit &&
    a.slice(a.length - same - BLOCK, a.length - same) ===
      b.slice(b.length - same - BLOCK, b.length - same)
  ) {
    same += BLOCK
  }
  while (same < limit && a[a.length - 1 - same] === b[b.length - 1 - same]) same++
  return same
}
