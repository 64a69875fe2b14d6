import type { IncomingRequest } from '../options.js'
import type { Cassette, HeaderMap, Interaction } from '../types.js'
import { bodyText } from './body-text.js'
import type { KeyFunction, RequestParts } from './request-key.js'

/** What a lookup found. */
export type LookupResult =
  | { kind: 'hit'; interaction: Interaction }
  /** Interactions matched, but every one was used already (and `allowRepeats` is off). */
  | { kind: 'used-up'; matches: Interaction[] }
  | { kind: 'miss' }

/**
 * The interactions of one cassette, indexed by request key, with the go-vcr replay order: the
 * first interaction in file order that matches and is not used yet answers, and is then used.
 */
export class InteractionIndex {
  readonly cassette: Cassette
  private readonly byKey = new Map<string, Interaction[]>()
  private readonly used: boolean[]
  private readonly keyOf: KeyFunction
  private readonly matcher:
    | ((request: IncomingRequest, interaction: Interaction) => boolean)
    | undefined

  /**
   * @param cassette - The cassette to index.
   * @param keyOf - How requests are compared.
   * @param matcher - Replaces key comparison when given (then every lookup scans the cassette).
   */
  constructor(
    cassette: Cassette,
    keyOf: KeyFunction,
    matcher?: (request: IncomingRequest, interaction: Interaction) => boolean,
  ) {
    this.cassette = cassette
    this.keyOf = keyOf
    this.matcher = matcher
    this.used = cassette.interactions.map(() => false)
    if (matcher) return
    for (const interaction of cassette.interactions) {
      const key = keyOf(recordedParts(interaction))
      const list = this.byKey.get(key)
      if (list) list.push(interaction)
      else this.byKey.set(key, [interaction])
    }
  }

  /**
   * Finds the interaction that answers `request` and marks it used.
   *
   * @param allowRepeats - Let used interactions answer again.
   */
  take(request: IncomingRequest, allowRepeats: boolean): LookupResult {
    const candidates = this.candidates(request)
    if (candidates.length === 0) return { kind: 'miss' }
    for (const interaction of candidates) {
      if (!this.used[interaction.index]) {
        this.used[interaction.index] = true
        return { kind: 'hit', interaction }
      }
    }
    const first = candidates[0]
    if (allowRepeats && first) return { kind: 'hit', interaction: first }
    return { kind: 'used-up', matches: candidates }
  }

  /** Interactions not used since the last {@link reset}, in file order. */
  unused(): Interaction[] {
    return this.cassette.interactions.filter((interaction) => !this.used[interaction.index])
  }

  /** Whether the interaction was used since the last reset. */
  isUsed(interaction: Interaction): boolean {
    return this.used[interaction.index] === true
  }

  /** Marks every interaction unused again. */
  reset(): void {
    this.used.fill(false)
  }

  private candidates(request: IncomingRequest): Interaction[] {
    if (this.matcher) {
      const matcher = this.matcher
      return this.cassette.interactions.filter((interaction) => matcher(request, interaction))
    }
    const key = this.keyOf({
      method: request.method,
      url: request.url.href,
      headers: request.headers,
      body: bodyText(request.bytes),
    })
    return this.byKey.get(key) ?? []
  }
}

/** The matching view of a recorded request. */
export function recordedParts(interaction: Interaction): RequestParts {
  const { request } = interaction
  return {
    method: request.method,
    url: request.url,
    headers: toHeaders(request.headers),
    body: bodyText(request.body),
  }
}

/** go-vcr's header map as a Fetch `Headers`, skipping values the Fetch API refuses. */
export function toHeaders(map: HeaderMap, skip: ReadonlySet<string> = new Set()): Headers {
  const headers = new Headers()
  for (const [name, values] of Object.entries(map)) {
    if (skip.has(name.toLowerCase())) continue
    for (const value of values) {
      try {
        headers.append(name, value)
      } catch {
        // Invalid names or values (e.g. raw non-ASCII) cannot be sent by any client either.
      }
    }
  }
  return headers
}
