/** Machine-readable codes carried by every msw-cassette error. */
export type CassetteErrorCode =
  | 'ERR_CASSETTE_NOT_FOUND'
  | 'ERR_CASSETTE_SYNTAX'
  | 'ERR_CASSETTE_VERSION'
  | 'ERR_CASSETTE_INVALID'
  | 'ERR_CASSETTE_UNMATCHED'
  | 'ERR_CASSETTE_OPTIONS'
  | 'ERR_CASSETTE_RECORD'
  | 'ERR_CASSETTE_UNUSED'

/**
 * Base class of every error msw-cassette throws. Catch this to handle all of them; switch on
 * `code` to tell them apart.
 */
export class CassetteError extends Error {
  /** Stable code, e.g. `ERR_CASSETTE_NOT_FOUND`. */
  readonly code: CassetteErrorCode

  constructor(code: CassetteErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CassetteError'
    this.code = code
  }
}
