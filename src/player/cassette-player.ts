import { CassetteError } from '../errors/cassette-error.js'
import { CassetteFormatError } from '../errors/cassette-format-error.js'
import { CassetteRecordError } from '../errors/cassette-record-error.js'
import { UnmatchedRequestError } from '../errors/unmatched-request-error.js'
import { explainMiss } from '../match/explain-miss.js'
import { InteractionIndex, type LookupResult } from '../match/interaction-index.js'
import { parseJsonPaths } from '../match/json-paths.js'
import { createPartNormalizers, keyFunctionOf, type PartNormalizers } from '../match/request-key.js'
import type { CassetteOptions, IncomingRequest } from '../options.js'
import type { CassetteRecorder } from '../record/cassette-recorder.js'
import { redactNormalizers } from '../record/redact-parts.js'
import { createRedactor } from '../record/redactor.js'
import { buildResponse, resolveDelays } from '../replay/build-response.js'
import type { Cassette, Interaction } from '../types.js'
import { createDebugLog, type DebugLog } from './debug-log.js'
import { describeInteraction, describeMiss, displayPath } from './describe-miss.js'

/**
 * What a player does with requests: answer from the cassette only (`replay`), send what it
 * cannot answer to the network and record it (`record-misses`, mode `new-episodes`), record
 * everything (`record-all`, modes `record` and `once` for a new cassette), or send everything
 * to the network unrecorded (`passthrough`).
 */
export type PlayerBehaviour = 'replay' | 'record-misses' | 'record-all' | 'passthrough'

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
  private readonly normalizers: PartNormalizers
  private readonly ignorePaths: string[][]
  private readonly debug: DebugLog | undefined
  private requests = 0
  /** What this player does with requests. */
  readonly behaviour: PlayerBehaviour
  /** Records what goes to the network, in the recording behaviours. */
  readonly recorder: CassetteRecorder | undefined

  /**
   * @param live - How requests reach the network, when they do; default: replay only.
   */
  constructor(
    cassette: Cassette,
    options: CassetteOptions = {},
    live: { behaviour: PlayerBehaviour; recorder?: CassetteRecorder } = { behaviour: 'replay' },
  ) {
    this.cassette = cassette
    this.options = options
    this.behaviour = live.behaviour
    this.recorder = live.recorder
    this.ignorePaths = parseJsonPaths(options.ignoreBodyPaths ?? [])
    // Secrets are replaced on both sides before comparing, as they are in recordings.
    const redact = options.redact ?? {}
    this.normalizers = redactNormalizers(
      createPartNormalizers(options.match, this.ignorePaths),
      createRedactor(redact),
      {
        headers: options.match?.headers !== undefined && options.match.headers !== false,
        body:
          (redact.bodyPaths ?? []).length > 0 ||
          (redact.values ?? []).some((value) => value !== undefined && value !== ''),
      },
    )
    this.index = new InteractionIndex(cassette, keyFunctionOf(this.normalizers), options.matcher)
    this.debug = createDebugLog(options.debug)
    const ignored = cassette.ignoredKeys ?? []
    if (this.debug && ignored.length > 0) {
      // A misspelt key (`bdy:`) silently drops a field in Go too; this is where it shows.
      this.debug(
        `${displayPath(cassette.path)}: keys go-vcr does not read, ignored: ${ignored.join(', ')}`,
      )
    }
  }

  /** Looks the request up and, on a hit, marks the interaction used. */
  lookup(request: IncomingRequest): LookupResult {
    this.requests++
    const label = `request ${this.requests} (${request.method} ${request.url.href})`
    const result = this.index.take(request, this.options.allowRepeats ?? false, label)
    if (this.debug && result.kind === 'hit') {
      const file = displayPath(this.cassette.path)
      this.debug(`${label} -> interaction ${describeInteraction(result.interaction)} in ${file}`)
      for (const passed of result.skipped) {
        this.debug(
          `  turned down ${describeInteraction(passed)}: already used by ${this.index.usedByLabel(passed)}`,
        )
      }
    }
    return result
  }

  /**
   * The response for a hit, after the configured header delay.
   *
   * @throws {@link CassetteFormatError} when the recorded status cannot be replayed.
   */
  async respond(interaction: Interaction): Promise<Response> {
    const { code } = interaction.response
    // A Fetch Response only carries 200-599; go-vcr may hold a 101 upgrade or a 1xx/6xx oddity.
    // Thrown before `new Response` would throw a RangeError that msw turns into a bogus 500.
    if (code < 200 || code > 599) {
      throw new CassetteFormatError(
        'ERR_CASSETTE_INVALID',
        this.cassette.path,
        `msw-cassette: cannot replay interaction ${describeInteraction(interaction)} of ${displayPath(this.cassette.path)}: its response code ${code} is outside 200-599, which a Fetch Response cannot carry. Change the interaction's \`code\`, remove it, or record it again.`,
        { interaction: interaction.index, field: 'response.code' },
      )
    }
    const delays = resolveDelays(this.options.timing, interaction)
    if (delays.headers > 0) await new Promise((resolve) => setTimeout(resolve, delays.headers))
    return buildResponse(interaction, delays.event)
  }

  /** Records a miss and returns the error the client will see, with the closest recordings. */
  miss(request: IncomingRequest, result: LookupResult): UnmatchedRequestError {
    const headerNames = Array.isArray(this.options.match?.headers) ? this.options.match.headers : []
    const closest = explainMiss(request, {
      normalizers: this.normalizers,
      ignorePaths: this.ignorePaths,
      headerNames,
      compared: comparedParts(this.options),
      candidates: (live) => this.index.neighbours(live),
      usedBy: (interaction) => this.index.usedByLabel(interaction),
      recorded: (interaction) => this.index.recorded(interaction),
    })
    const message = describeMiss(
      this.cassette,
      request,
      result,
      closest,
      this.options.matcher !== undefined,
    )
    const error = new UnmatchedRequestError(
      this.cassette.path,
      request.method,
      request.url.href,
      message,
    )
    this.misses.push({ request, error })
    this.debug?.(message)
    return error
  }

  /** Interactions not requested since the last reset, in file order. */
  unused(): Interaction[] {
    return this.index.unused()
  }

  /**
   * Sends a request to the network and records it; later tests (after a reset) replay the
   * recording.
   *
   * @param request - The intercepted request, body unread.
   * @param incoming - The same request, read.
   */
  record(request: Request, incoming: IncomingRequest): Promise<Response> {
    const { recorder } = this
    if (!recorder) {
      throw new CassetteRecordError(
        this.cassette.path,
        `msw-cassette: cannot record ${incoming.method} ${incoming.url.href}: ${displayPath(this.cassette.path)} is in ${this.behaviour} mode.`,
      )
    }
    this.requests++
    const label = `request ${this.requests} (${incoming.method} ${incoming.url.href}), recorded`
    return recorder.capture(request, incoming, (interaction) => this.index.add(interaction, label))
  }

  /**
   * Writes what was recorded, when anything was (see {@link CassetteRecorder.save}).
   *
   * @returns Whether the cassette file was written.
   */
  save(): Promise<boolean> {
    return this.recorder?.save() ?? Promise.resolve(false)
  }

  /**
   * Throws the first miss since the last reset (so a test whose code swallowed the failed
   * request still fails), and with `strict`, a list of interactions never requested.
   *
   * @param strict - Also fail on unused interactions; default: the `strict` option.
   */
  verify(strict = this.options.strict ?? false): void {
    const [first] = this.misses
    if (first) throw first.error
    // A recording run answers nothing from the file, so "never requested" means nothing there.
    if (!strict || this.behaviour === 'record-all' || this.behaviour === 'passthrough') return
    const unused = this.unused()
    if (unused.length === 0) return
    throw new CassetteError(
      'ERR_CASSETTE_UNUSED',
      [
        `msw-cassette: ${unused.length} recorded interaction${unused.length === 1 ? ' was' : 's were'} never requested from ${displayPath(this.cassette.path)} (strict mode):`,
        ...unused.map((interaction) => `  ${describeInteraction(interaction)}`),
        'The code under test made fewer requests than were recorded. Record the cassette again, or drop `strict`.',
      ].join('\n'),
    )
  }

  /** Forgets which interactions were used and which requests missed. */
  reset(): void {
    this.index.reset()
    this.misses.length = 0
    this.requests = 0
  }
}

/** The parts `match` compares: all but those set to `false`, and headers only when asked. */
function comparedParts(options: CassetteOptions): Set<'method' | 'url' | 'headers' | 'body'> {
  const match = options.match ?? {}
  const parts = new Set<'method' | 'url' | 'headers' | 'body'>()
  if (match.method !== false) parts.add('method')
  if (match.url !== false) parts.add('url')
  if (match.headers !== undefined && match.headers !== false) parts.add('headers')
  if (match.body !== false) parts.add('body')
  return parts
}
