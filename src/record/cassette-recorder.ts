import { withCassetteLock } from '../cassette/cassette-lock.js'
import type { LayoutOption } from '../cassette/choose-layout.js'
import type { Interaction } from '../cassette/types.js'
import { CassetteRecordError } from '../errors/cassette-record-error.js'
import { formatMessage } from '../errors/message.js'
import { warn } from '../errors/warn.js'
import type { IncomingRequest, RecordMode } from '../options/types.js'
import type { Redactor } from '../secrets/redactor.js'
import { assertNoSecrets } from './assert-no-secrets.js'
import { type FileState, fileState, readCurrentInteractions } from './file-state.js'
import { mergeInteractions } from './merge-interactions.js'
import { saveRecording } from './save-recording.js'
import { sendLive } from './send-live.js'
import { toInteraction } from './to-interaction.js'

/** How a recorder is set up. */
export interface RecorderSetup {
  /** `once` (for a missing file), `new-episodes` or `record`. */
  mode: RecordMode
  /** Absolute path the cassette is written to. */
  path: string
  /** Recorded interactions the written cassette starts with (`new-episodes`). */
  keep: readonly Interaction[]
  /** Applied to every interaction before it is kept or written. */
  redactor: Redactor
  /** The `layout` option, for a cassette written whole. */
  layout?: LayoutOption | undefined
}

/**
 * Sends requests to the network, passes the responses through, and keeps what went by, in
 * request order, until {@link save} writes it. Knows nothing about msw's handlers or the test
 * runner.
 */
export class CassetteRecorder {
  /** The mode that made this recorder: `once`, `new-episodes` or `record`. */
  readonly mode: RecordMode
  /** Absolute path of the cassette file it writes. */
  readonly path: string
  private readonly keep: readonly Interaction[]
  private readonly redactor: Redactor
  private readonly layout: LayoutOption | undefined
  // One slot per request, pushed when the request arrives, so ids follow request order even
  // when responses end in another order.
  private readonly slots: Promise<Interaction | undefined>[] = []
  private readonly problems: string[] = []
  private readonly failures: string[] = []
  private written = 0
  // The file as this recorder first saw it: when it differs at save time, another writer
  // (a worker, a process) wrote meanwhile, and its interactions are kept.
  private baseline: FileState

  constructor(setup: RecorderSetup) {
    this.mode = setup.mode
    this.path = setup.path
    this.keep = setup.keep
    this.redactor = setup.redactor
    this.layout = setup.layout
    this.baseline = fileState(setup.path)
  }

  /**
   * Sends the request to the real server and answers with its response as it arrives; the
   * interaction is kept when the response body ends.
   *
   * @param request - The intercepted request, body unread.
   * @param incoming - The same request, read.
   * @param onRecorded - Called with the interaction (redacted) once the response has ended.
   */
  async capture(
    request: Request,
    incoming: IncomingRequest,
    onRecorded?: (interaction: Interaction) => void,
  ): Promise<Response> {
    // Every message shows the request, and the network's errors, with secrets replaced.
    const label = `${incoming.method} ${this.redactor.url(incoming.url.href)}`
    const messageOf = (error: unknown) => this.redactor.text(describeError(error))
    let settle: (interaction: Interaction | undefined) => void = () => {}
    this.slots.push(new Promise((resolve) => (settle = resolve)))
    try {
      const live = await sendLive(request, incoming)
      live.captured.then(
        (exchange) => {
          let interaction: Interaction
          try {
            interaction = this.redactor.interaction(toInteraction(exchange, 0))
          } catch (error) {
            this.problems.push(`${label}: it could not be recorded (${messageOf(error)})`)
            settle(undefined)
            return
          }
          settle(interaction)
          onRecorded?.(interaction)
        },
        (error: unknown) => {
          this.problems.push(`${label}: the response broke off (${messageOf(error)})`)
          settle(undefined)
        },
      )
      return live.response
    } catch (error) {
      this.problems.push(`${label}: it could not be sent (${messageOf(error)})`)
      settle(undefined)
      throw clientError(error, this.path, label, messageOf(error))
    }
  }

  /**
   * Keeps the recording from being written: a test that recorded into it failed.
   *
   * @param reason - Shown in the warning, e.g. `test "streams the answer" failed`.
   */
  discard(reason: string): void {
    this.failures.push(reason)
  }

  /**
   * Writes the cassette when something new was recorded: the kept interactions, then the new
   * ones in request order. Waits for responses still streaming. Nothing is written when a test
   * failed ({@link discard}); a warning says so.
   *
   * @returns Whether the file was written.
   * @throws {@link CassetteRecordError} when a request could not be recorded or the file not written.
   */
  async save(): Promise<boolean> {
    const recorded = (await Promise.all(this.slots)).filter(
      (interaction): interaction is Interaction => interaction !== undefined,
    )
    if (this.failures.length > 0) {
      warn({
        problem: `the cassette was not written because ${this.failures.join('; ')} while recording`,
        file: this.path,
        hint: 'The previous cassette, if any, is unchanged. Fix the test and run it again to record.',
      })
      return false
    }
    if (this.problems.length > 0) {
      throw new CassetteRecordError(
        this.path,
        formatMessage({
          problem: 'the cassette was not written, because requests could not be recorded:',
          file: this.path,
          details: this.problems.map((problem) => `  ${problem}`),
          hint: 'The previous cassette, if any, is unchanged. Check that the server is reachable and run the tests again.',
        }),
      )
    }
    if (recorded.length === this.written) return false
    const keep = this.keep.map((interaction) => this.redactor.interaction(interaction))
    // Under the lock, the file is read again: when another writer saved since this recorder
    // started, its file stays as it is and what this one recorded that it lacks is appended.
    // Nothing is lost silently.
    withCassetteLock(this.path, () => {
      const current = readCurrentInteractions(this.path)
      if (current !== undefined && fileState(this.path) !== this.baseline) {
        const missing = mergeInteractions(current, [...keep, ...recorded]).slice(current.length)
        assertNoSecrets(this.path, missing, this.redactor)
        saveRecording({
          path: this.path,
          mode: 'new-episodes',
          keep: current,
          recorded: missing,
          saved: 0,
          layout: this.layout,
        })
      } else {
        assertNoSecrets(this.path, recorded.slice(this.written), this.redactor)
        saveRecording({
          path: this.path,
          mode: this.mode,
          keep,
          recorded,
          saved: this.written,
          layout: this.layout,
        })
      }
      this.baseline = fileState(this.path)
    })
    this.written = recorded.length
    return true
  }
}

/**
 * The error the client sees when its request could not be sent: the network's own error when
 * it is a Node system error (ECONNREFUSED...), which msw passes on as the request's failure.
 */
function clientError(error: unknown, path: string, label: string, message: string): Error {
  const cause = error instanceof Error ? error.cause : undefined
  if (cause instanceof Error && 'code' in cause && 'errno' in cause) return cause
  return new CassetteRecordError(
    path,
    formatMessage({
      problem: `could not send the request to the network while recording: ${message}`,
      file: path,
      request: label,
      hint: 'Check that the server is reachable, or replay from a cassette that holds the request.',
    }),
    { cause: error },
  )
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}
