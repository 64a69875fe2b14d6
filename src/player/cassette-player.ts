import { UnmatchedRequestError } from '../errors/unmatched-request-error.js'
import { InteractionIndex, type LookupResult } from '../match/interaction-index.js'
import { parseJsonPaths } from '../match/json-paths.js'
import { createKeyFunction } from '../match/request-key.js'
import type { CassetteOptions, IncomingRequest } from '../options.js'
import { buildResponse, resolveDelays } from '../replay/build-response.js'
import type { Cassette, Interaction } from '../types.js'
import { describeMiss } from './describe-miss.js'

/** One request a player could not answer. */
export interface Miss {
  request: IncomingRequest
  error: UnmatchedRequestError
}

/**
 * Replays one cassette: finds the interaction for a request, marks it used, builds its response,
 * and remembers misses. Knows nothing about msw or test runners.
 */
export class CassettePlayer {
  readonly cassette: Cassette
  readonly options: CassetteOptions
  /** Requests that matched nothing since the last {@link reset}. */
  readonly misses: Miss[] = []
  private readonly index: InteractionIndex

  constructor(cassette: Cassette, options: CassetteOptions = {}) {
    this.cassette = cassette
    this.options = options
    const keyOf = createKeyFunction(options.match, parseJsonPaths(options.ignoreBodyPaths ?? []))
    this.index = new InteractionIndex(cassette, keyOf, options.matcher)
  }

  /** Looks the request up and, on a hit, marks the interaction used. */
  lookup(request: IncomingRequest): LookupResult {
    return this.index.take(request, this.options.allowRepeats ?? false)
  }

  /** The response for a hit, after the configured header delay. */
  async respond(interaction: Interaction): Promise<Response> {
    const delays = resolveDelays(this.options.timing, interaction)
    if (delays.headers > 0) await new Promise((resolve) => setTimeout(resolve, delays.headers))
    return buildResponse(interaction, delays.event)
  }

  /** Records a miss and returns the error the client will see. */
  miss(request: IncomingRequest, result: LookupResult): UnmatchedRequestError {
    const error = new UnmatchedRequestError(
      this.cassette.path,
      request.method,
      request.url.href,
      describeMiss(this.cassette, request, result),
    )
    this.misses.push({ request, error })
    return error
  }

  /** Interactions not requested since the last reset, in file order. */
  unused(): Interaction[] {
    return this.index.unused()
  }

  /** Forgets which interactions were used and which requests missed. */
  reset(): void {
    this.index.reset()
    this.misses.length = 0
  }
}
