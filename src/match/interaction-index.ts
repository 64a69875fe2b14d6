import { headerValue, toHeaders } from '../cassette/header-map.js'
import type { Cassette, Interaction } from '../cassette/types.js'
import type { IncomingRequest, Matcher } from '../options/types.js'
import { bodyText } from './body-text.js'
import {
  type HeadKey,
  headKey,
  joinHead,
  liveParts,
  type PartNormalizers,
  parseUrl,
  type RequestKey,
  type RequestParts,
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
  /**
   * Interactions by method, URL and headers; each group indexed by body on its first lookup.
   * Bodies cost the most to normalize (redaction, JSON parse, canonical text), and most
   * requests of a cassette differ by URL: a test file pays for the bodies it asks about.
   */
  private readonly byHead = new Map<string, HeadGroup>()
  /**
   * How many interactions, from the first in file order, are filed in {@link byHead}. The rest
   * are filed when a lookup needs them: keying 10,000 recorded URLs took 0.3-0.5 s up front,
   * while a test file usually asks for a few interactions near the start.
   */
  private filed = 0
  /** For each interaction: the request that used it, or `undefined`. */
  private readonly usedBy: (Label | undefined)[]
  private readonly normalizers: PartNormalizers
  /** Per interaction index: its normalized key, once computed. */
  private readonly keys: (RequestKey | undefined)[] = []
  /** Per interaction index: its key without the body, once computed. */
  private readonly heads: (HeadKey | undefined)[] = []
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
  }

  /**
   * Finds the interaction that answers `request` and marks it used.
   *
   * @param allowRepeats - Let used interactions answer again.
   * @param label - Names the request in later messages ("used by request 2 (GET …)"); a
   *   function is called only when a message needs the name.
   * @param claim - Called with the interaction found; when it returns `false`, the
   *   interaction answers without being marked used (a fault answers instead of it).
   */
  take(
    request: IncomingRequest,
    allowRepeats: boolean,
    label: Label,
    claim: (interaction: Interaction) => boolean = () => true,
  ): LookupResult {
    const candidates = this.matcher ? this.matches(request) : this.filedMatches(request)
    if (candidates.length === 0) return { kind: 'miss' }
    const skipped: Interaction[] = []
    for (const interaction of candidates) {
      if (this.usedBy[interaction.index] === undefined) {
        if (claim(interaction)) this.usedBy[interaction.index] = label
        return { kind: 'hit', interaction, skipped }
      }
      skipped.push(interaction)
    }
    const first = candidates[0]
    if (allowRepeats && first) {
      claim(first)
      return { kind: 'hit', interaction: first, skipped: [] }
    }
    return { kind: 'used-up', matches: candidates }
  }

  /**
   * Appends an interaction recorded during this run, already used by `label`, so that after a
   * reset later tests replay it instead of recording it again.
   *
   * @returns The interaction as indexed (its `index` is its position in the cassette).
   */
  add(interaction: Interaction, label: Label): Interaction {
    const added = { ...interaction, index: this.cassette.interactions.length }
    this.cassette.interactions.push(added)
    this.usedBy.push(label)
    this.buckets = undefined
    // Filed in its turn, after those before it, by the next lookup that reaches it.
    return added
  }

  /** Every interaction that matches `request`, used or not, in file order (files them all). */
  matches(request: IncomingRequest): Interaction[] {
    if (this.matcher) {
      const matcher = this.matcher
      return this.cassette.interactions.filter((interaction) => matcher(request, interaction))
    }
    for (const interaction of this.cassette.interactions.slice(this.filed)) {
      this.file(interaction)
      this.filed++
    }
    const parts = liveParts(request)
    let body: string | undefined
    return this.found(joinHead(headKey(this.normalizers, parts)), () => {
      body ??= this.normalizers.body(parts)
      return body
    })
  }

  /**
   * The matches of `request` among the filed interactions, after filing more, in file order,
   * until one of the matches is unused or every interaction is filed. What {@link take} returns
   * is the first unused match and the used ones before it: interactions after it in the file
   * cannot change that, so they wait for a request that needs them.
   */
  private filedMatches(request: IncomingRequest): Interaction[] {
    const parts = liveParts(request)
    const head = joinHead(headKey(this.normalizers, parts))
    // The body is keyed only when an interaction shares the head: most lookups of a cassette
    // that differ by URL never need it.
    let body: string | undefined
    const bodyKey = () => {
      body ??= this.normalizers.body(parts)
      return body
    }
    let found = this.found(head, bodyKey)
    if (found.some((interaction) => this.usedBy[interaction.index] === undefined)) return found
    const { interactions } = this.cassette
    for (let next = interactions[this.filed]; next !== undefined; next = interactions[this.filed]) {
      const interaction = next
      // Counted once filed: a recorded request a custom normalizer throws on is not skipped
      // by later lookups, it fails each of them, as it failed indexing when that was eager.
      const filedHead = this.file(interaction)
      this.filed++
      if (filedHead !== head || this.recordedKey(interaction).body !== bodyKey()) continue
      found = this.found(head, bodyKey)
      if (this.usedBy[interaction.index] === undefined) break
    }
    return found
  }

  /** The filed interactions under a head key with the given body key, in file order. */
  private found(head: string, bodyKey: () => string): Interaction[] {
    const group = this.byHead.get(head)
    if (!group) return []
    if (!group.byBody) {
      group.byBody = new Map()
      for (const interaction of group.interactions) {
        append(group.byBody, this.recordedKey(interaction).body, interaction)
      }
    }
    return group.byBody.get(bodyKey()) ?? []
  }

  /**
   * Files an interaction under its method, URL and headers (and its body, once looked up).
   *
   * @returns Its head key.
   */
  private file(interaction: Interaction): string {
    const key = joinHead(this.recordedHead(interaction))
    let group = this.byHead.get(key)
    if (!group) {
      group = { interactions: [] }
      this.byHead.set(key, group)
    }
    group.interactions.push(interaction)
    if (group.byBody) append(group.byBody, this.recordedKey(interaction).body, interaction)
    return key
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
    const label = this.usedBy[interaction.index]
    if (typeof label !== 'function') return label
    const text = label()
    this.usedBy[interaction.index] = text
    return text
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
      const head = this.recordedHead(interaction)
      key = { ...head, body: this.normalizers.body(this.recorded(interaction)) }
      this.keys[interaction.index] = key
    }
    return key
  }

  /** A recorded request's key without the body, computed once per interaction. */
  private recordedHead(interaction: Interaction): HeadKey {
    let head = this.heads[interaction.index]
    if (!head) {
      head = headKey(this.normalizers, this.recorded(interaction))
      this.heads[interaction.index] = head
    }
    return head
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
        recorded: true,
      }
      this.parts.set(interaction, parts)
    }
    return parts
  }
}

/** A request's name in messages, or a function that makes it when a message needs it. */
export type Label = string | (() => string)

/** The interactions that share a method, URL and headers. */
interface HeadGroup {
  interactions: Interaction[]
  /** The same interactions by body key, built on the group's first lookup. */
  byBody?: Map<string, Interaction[]>
}

function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}
