import { CassetteError, type CassetteErrorCode } from './cassette-error.js'

/** Where in a cassette file a problem is. Lines and columns count from 1. */
export interface CassetteLocation {
  line?: number
  column?: number
  /** Index of the interaction, from 0, when the problem lies in one. */
  interaction?: number
  /** Dotted field path inside the interaction, e.g. `response.code`. */
  field?: string
}

/**
 * Thrown when a cassette file cannot be used: YAML syntax (`ERR_CASSETTE_SYNTAX`), an unknown
 * version (`ERR_CASSETTE_VERSION`) or a field of the wrong type (`ERR_CASSETTE_INVALID`).
 */
export class CassetteFormatError extends CassetteError {
  /** The cassette file. */
  readonly path: string
  /** Where the problem is, as far as it is known. */
  readonly location: CassetteLocation
  /**
   * Node-style errno, so that when an interaction turns out unplayable during replay, msw hands
   * the error to the client as the request's own failure instead of a made-up 500 response.
   */
  readonly errno = -1

  constructor(
    code: Extract<
      CassetteErrorCode,
      'ERR_CASSETTE_SYNTAX' | 'ERR_CASSETTE_VERSION' | 'ERR_CASSETTE_INVALID'
    >,
    path: string,
    message: string,
    location: CassetteLocation = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, options)
    this.name = 'CassetteFormatError'
    this.path = path
    this.location = location
  }
}
