import type { Cassette, Interaction } from '../cassette/types.js'
import { CassetteFormatError } from '../errors/cassette-format-error.js'
import { CassetteRecordError } from '../errors/cassette-record-error.js'
import { displayPath, formatMessage } from '../errors/message.js'
import { UnmatchedRequestError } from '../errors/unmatched-request-error.js'
import { UnusedInteractionsError } from '../errors/unused-interactions-error.js'
import { isReplayableStatus, STATUS_RANGE } from '../http/status.js'
import { type JsonPath, parseJsonPaths } from '../json/json-paths.js'
import { closestInteractions } from '../match/closest-interactions.js'
import { describeInteraction, describeMiss, describeRequest } from '../match/describe-miss.js'
import { InteractionIndex, type LookupResult } from '../match/interaction-index.js'
import { createPartNormalizers, PART_NAMES, type PartNormalizers } from '../match/request-parts.js'
import type { ResolvedOptions } from '../options/configure.js'
import type { Fault, IncomingRequest } from '../options/types.js'
import type { CassetteRecorder } from '../record/cassette-recorder.js'
import { replayResponse } from '../replay/replay-response.js'
import type { Redactor } from '../secrets/redactor.js'
import { answersInstead, FaultQueue } from './fault-queue.js'
import { redactNormalizers } from './redacted-normalizers.js'

/**
 * What a session does with requests: answer from the cassette only (`replay`), send what it
 * cannot answer to the network and record it (`record-misses`, mode `new-episodes`), record
 * everything (`record-all`, modes `record` and `once` for a new cassette), or send everything
 * to the network unrecorded (`passthrough`).
 */
export type SessionBehaviour = 'replay' | 'record-misses' | 'record-all' | 'passthrough'

/** One request a cassette could not answer. */
export interface Miss {
  /** The request as it was matched. */
  request: IncomingRequest
  /** The error its client saw. */
  error: UnmatchedRequestError
}

/**
 * What {@link CassetteSession.lookup} found: the index's result, and on a hit, the fault that
 * applies to this request, if any.
 */
export type SessionLookup =
  | Exclude<LookupResult, { kind: 'hit' }>
  | (Extract<LookupResult, { kind: 'hit' }> & { fault?: Fault | undefined })

/** How a session is set up; {@link openSession} builds it from the options. */
export interface SessionSetup {
  cassette: Cassette
  options: ResolvedOptions
  behaviour: SessionBehaviour
  /** Built once, shared with the recorder: matching and recording redact alike. */
  redactor: Redactor
  /** Present in the recording behaviours. */
  recorder?: CassetteRecorder | undefined
}

/**
 * One cassette at work in one mode: finds the interaction for a request, marks it used, builds
 * its response or records from the network, and remembers misses. Knows nothing about msw or
 * test runners.
 */
export class CassetteSession {
  readonly cassette: Cassette
  readonly options: ResolvedOptions
  readonly behaviour: SessionBehaviour
  /** Records what goes to the network, in the recording behaviours. */
  readonly recorder: CassetteRecorder | undefined
  private readonly index: InteractionIndex
  private readonly normalizers: PartNormalizers
  private readonly ignorePaths: JsonPath[]
  private readonly misses: Miss[] = []
  private readonly faults: FaultQueue
  private readonly redactor: Redactor
  private requests = 0

  constructor(setup: SessionSetup) {
    const { cassette, options, redactor } = setup
    this.cassette = cassette
    this.options = options
    this.behaviour = setup.behaviour
    this.recorder = setup.recorder
    this.redactor = redactor
    this.ignorePaths = parseJsonPaths(options.ignoreBodyPaths)
    // Secrets are replaced on both sides before comparing, as they are in recordings.
    this.normalizers = redactNormalizers(
      createPartNormalizers(options.match, this.ignorePaths),
      redactor,
      { headers: options.match.headers !== undefined && options.match.headers !== false },
    )
    this.index = new InteractionIndex(cassette, this.normalizers, options.matcher)
    this.faults = new FaultQueue(options.faults)
    const ignored = cassette.ignoredKeys ?? []
    if (options.debug && ignored.length > 0) {
      // A misspelt key (`bdy:`) silently drops a field in Go too; this is where it shows.
      options.debug(
        `${displayPath(cassette.path)}: keys go-vcr does not read, ignored: ${ignored.join(', ')}`,
      )
    }
  }

  /**
   * Looks the request up and, on a hit, marks the interaction used, unless a fault answers
   * instead of it (`status`, `networkError`): then it stays unused for the retry.
   */
  lookup(request: IncomingRequest): SessionLookup {
    this.requests++
    const count = this.requests
    // Made only when a message names the request: most never do.
    const label = () =>
      `request ${count} (${request.method} ${this.redactor.url(request.url.href)})`
    let fault: Fault | undefined
    const result = this.index.take(request, this.options.allowRepeats, label, (interaction) => {
      fault = this.faults.take(request, interaction)
      return !answersInstead(fault)
    })
    const { debug } = this.options
    if (debug && result.kind === 'hit') {
      debug(
        `${label()} -> interaction ${describeInteraction(result.interaction)} in ${displayPath(this.cassette.path)}${fault ? `, with the fault ${JSON.stringify(fault)}` : ''}`,
      )
      for (const passed of result.skipped) {
        debug(
          `  turned down ${describeInteraction(passed)}: already used by ${this.index.usedByLabel(passed)}`,
        )
      }
    }
    return result.kind === 'hit' ? { ...result, fault } : result
  }

  /**
   * Arms a fault for the next requests of the current test that this cassette answers.
   *
   * @param fault - Already checked.
   */
  addFault(fault: Fault): void {
    this.faults.add(fault)
  }

  /**
   * The response for a hit, after the configured header delay, changed by the hit's fault.
   *
   * @throws {@link CassetteFormatError} when the recorded status cannot be replayed.
   */
  async respond(hit: Extract<SessionLookup, { kind: 'hit' }>, request: Request): Promise<Response> {
    const { interaction, fault } = hit
    const { code } = interaction.response
    // Thrown before `new Response` would throw a RangeError that msw turns into a bogus 500.
    if (!isReplayableStatus(code)) {
      const { min, max } = STATUS_RANGE.replayable
      throw new CassetteFormatError(
        'ERR_CASSETTE_INVALID',
        this.cassette.path,
        formatMessage({
          problem: `cannot replay interaction ${describeInteraction(interaction)}: its response code ${code} is outside ${min}-${max}, which a Fetch Response cannot carry`,
          file: this.cassette.path,
          hint: "Change the interaction's `code`, remove it, or record it again.",
        }),
        { interaction: interaction.index, field: 'response.code' },
      )
    }
    return replayResponse(interaction, request, this.options.timing, fault)
  }

  /** Records a miss and returns the error the client will see, with the closest recordings. */
  miss(live: IncomingRequest, result: SessionLookup): UnmatchedRequestError {
    const { match, matcher } = this.options
    // Messages go to test output and CI logs: they show the request with its secrets replaced.
    const request = this.redactor.request(live)
    const closest = closestInteractions(request, {
      normalizers: this.normalizers,
      ignorePaths: this.ignorePaths,
      headerNames: Array.isArray(match.headers) ? match.headers : [],
      compared: new Set(PART_NAMES.filter((part) => isCompared(this.options, part))),
      candidates: (live) => this.index.neighbours(live),
      usedBy: (interaction) => this.index.usedByLabel(interaction),
      recorded: (interaction) => this.index.recorded(interaction),
      recordedKey: (interaction) => this.index.recordedKey(interaction),
    })
    const message = this.redactor.text(
      describeMiss(this.cassette, request, result, closest, matcher !== undefined),
    )
    const error = new UnmatchedRequestError(
      this.cassette.path,
      request.method,
      request.url.href,
      message,
    )
    this.misses.push({ request: live, error })
    this.options.debug?.(message)
    return error
  }

  /** Requests that matched nothing since the last reset. */
  missed(): readonly Miss[] {
    return this.misses
  }

  /**
   * Counts a miss this cassette did not see itself (a request made outside every cassette's
   * scope while this one ran), so {@link verify} fails the test that was running.
   */
  addMiss(miss: Miss): void {
    this.misses.push(miss)
  }

  /** Returns the misses since the last reset and forgets them (a test that expects a miss). */
  takeMisses(): Miss[] {
    return this.misses.splice(0)
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
        formatMessage({
          problem: `cannot record in ${this.behaviour} mode`,
          file: this.cassette.path,
          request: describeRequest(this.redactor.request(incoming)),
          hint: 'Use a recording mode (`once`, `new-episodes` or `record`).',
        }),
      )
    }
    this.requests++
    const label = `request ${this.requests} (${incoming.method} ${this.redactor.url(incoming.url.href)}), recorded`
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
  verify(strict = this.options.strict): void {
    const [first] = this.misses
    if (first) throw first.error
    // A recording run answers nothing from the file, so "never requested" means nothing there.
    if (!strict || this.behaviour === 'record-all' || this.behaviour === 'passthrough') return
    const unused = this.unused()
    if (unused.length === 0) return
    throw new UnusedInteractionsError(
      this.cassette.path,
      unused,
      formatMessage({
        problem: `${unused.length} recorded interaction${unused.length === 1 ? ' was' : 's were'} never requested (strict mode)`,
        file: this.cassette.path,
        details: unused.map((interaction) => `  ${describeInteraction(interaction)}`),
        hint: 'The code under test made fewer requests than were recorded. Record the cassette again, or drop `strict`.',
      }),
    )
  }

  /** Forgets which interactions were used and which requests missed. */
  reset(): void {
    this.index.reset()
    this.faults.reset()
    this.misses.length = 0
    this.requests = 0
  }
}

/** Whether `match` compares a part: all but those set to `false`, and headers only when asked. */
function isCompared(options: ResolvedOptions, part: (typeof PART_NAMES)[number]): boolean {
  const value = options.match[part]
  return part === 'headers' ? value !== undefined && value !== false : value !== false
}
