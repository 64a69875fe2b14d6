import { CassetteError } from './cassette-error.js'

/**
 * Thrown when recording fails: a request could not be sent to the network, a response stream
 * broke while it was being recorded, or the cassette could not be written.
 */
export class CassetteRecordError extends CassetteError {
  /** The cassette file being recorded. */
  readonly path: string
  /**
   * Node-style errno, so msw hands the error to the client as the request's own failure (a
   * rejected `fetch`) instead of turning it into a 500 response.
   */
  readonly errno = -1

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super('ERR_CASSETTE_RECORD', message, options)
    this.name = 'CassetteRecordError'
    this.path = path
  }
}
