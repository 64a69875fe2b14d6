import { headerValue, toHeaders } from '../cassette/header-map.js'
import type { Cassette, Interaction } from '../cassette/types.js'
import type { IncomingRequest, Matcher } from '../options/types.js'
import { bodyText } from './body-text.js'
import {
  joinKey,
  liveParts,
  type PartNormalizers,
  parseUrl,
  type RequestKey,
  type RequestParts,
  requestKey,
} from './request-parts.js'

/** What a lookup found. */
export type LookupResult =
  | {
      kind: 'hit'
      interaction: Interaction /** Earlier matches passed over because they were used. */
      skipped: Interaction[]
    }
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
  /** For each interaction: the request that used it, or `undefined`. */
  private readonly usedBy: (string | undefined)[]
  private readonly normalizers: PartNormalizers
  /** Per interaction index: its normalized key, once computed. */
  private readonly keys: (RequestKey | undefined)[] = []
  private readonly matcher: Matcher | undefined
  private readonly parts = new Map<Interaction, RequestParts>()
  private buckets: Map<string, Interaction[]> | undefined

  /**
   * @param cassette - The cassette to index.
   * @param normalizers - How requests are compared.
   * @param matcher - Replaces key comparison when given (then every lookup scans the cassette).
   */
  constructor(cassette: Cassette, normalizers: PartNormalizers, matcher: Matcher | undefined) {
    this.cassette = cassette
    this.normalizers = normalizers
    this.matcher = matcher
    this.usedBy = cassette.interactions.map(() => undefined)
    if (matcher) return
    for (const interaction of cassette.interactions) {
      append(this.byKey, joinKey(this.recordedKey(interaction)), interaction)
    }
  }

  /**
   * Finds the interaction that answers `request` and marks it used.
   *
   * @param allowRepeats - Let used interactions answer again.
   * @param label - Names the request in later messages ("used by request 2 (GET …)").
   */
  take(request: IncomingRequest, allowRepeats: boolean, label: string): LookupResult {
    const candidates = this.matches(request)
    if (candidates.length === 0) return { kind: 'miss' }
    const skipped: Interaction[] = []
    for (const interaction of candidates) {
      if (this.usedBy[interaction.index] === undefined) {
        this.usedBy[interaction.index] = label
        return { kind: 'hit', interaction, skipped }
      }
      skipped.push(interaction)
    }
    const first = candidates[0]
    if (allowRepeats && first) return { kind: 'hit', interaction: first, skipped: [] }
    return { kind: 'used-up', matches: candidates }
  }

  /**
   * Appends an interaction recorded during this run, already used by `label`, so that after a
   * reset later tests replay it instead of recording it again.
   *
   * @returns The interaction as indexed (its `index` is its position in the cassette).
   */
  add(interaction: Interaction, label: string): Interaction {
    const added = { ...interaction, index: this.cassette.interactions.length }
    this.cassette.interactions.push(added)
    this.usedBy.push(label)
    this.buckets = undefined
    if (!this.matcher) append(this.byKey, joinKey(this.recordedKey(added)), added)
    return added
  }

  /** Every interaction that matches `request`, used or not, in file order. */
  matches(request: IncomingRequest): Interaction[] {
    if (this.matcher) {
      const matcher = this.matcher
      return this.cassette.interactions.filter((interaction) => matcher(request, interaction))
    }
    const key = joinKey(requestKey(this.normalizers, liveParts(request)))
    return this.byKey.get(key) ?? []
  }

  /**
   * Interactions worth comparing with a request that missed: those with its method and host,
   * else those with its host, else the first 50. Bucketed on first use, so a miss in a cassette
   * of thousands compares against a handful.
   */
  neighbours(request: IncomingRequest): Interaction[] {
    if (!this.buckets) {
      this.buckets = new Map()
      for (const interaction of this.cassette.interactions) {
        const { method, url } = interaction.request
        const host = parseUrl(url).host.toLowerCase()
        append(this.buckets, `${method.toUpperCase()} ${host}`, interaction)
        append(this.buckets, ` ${host}`, interaction)
      }
    }
    const host = request.url.host.toLowerCase()
    return (
      this.buckets.get(`${request.method.toUpperCase()} ${host}`) ??
      this.buckets.get(` ${host}`) ??
      this.cassette.interactions.slice(0, 50)
    )
  }

  /** Which request used the interaction since the last reset, or `undefined`. */
  usedByLabel(interaction: Interaction): string | undefined {
    return this.usedBy[interaction.index]
  }

  /** Interactions not used since the last {@link reset}, in file order. */
  unused(): Interaction[] {
    return this.cassette.interactions.filter(
      (interaction) => this.usedBy[interaction.index] === undefined,
    )
  }

  /** Marks every interaction unused again. */
  reset(): void {
    this.usedBy.fill(undefined)
  }

  /**
   * The normalized key of a recorded request, computed once per interaction (at indexing, or on
   * the first miss when a custom `matcher` decides), so explaining a miss compares strings.
   */
  recordedKey(interaction: Interaction): RequestKey {
    let key = this.keys[interaction.index]
    if (!key) {
      key = requestKey(this.normalizers, this.recorded(interaction))
      this.keys[interaction.index] = key
    }
    return key
  }

  /** The matching view of a recorded request, built once per interaction. */
  recorded(interaction: Interaction): RequestParts {
    let parts = this.parts.get(interaction)
    if (!parts) {
      const { request } = interaction
      let headers: Headers | undefined
      parts = {
        method: request.method,
        url: request.url,
        // Built on first use: most matching never looks at recorded headers, and building
        // one per interaction dominated indexing a large cassette.
        get headers() {
          headers ??= toHeaders(request.headers)
          return headers
        },
        contentType: headerValue(request.headers, 'content-type'),
        body: bodyText(request.body),
      }
      this.parts.set(interaction, parts)
    }
    return parts
  }
}

function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}
