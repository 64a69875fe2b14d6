import { CassetteError } from './cassette-error.js'

/**
 * Thrown (and seen by the client as the rejected request's error) when a request matches no
 * unused interaction of the cassette. It never reaches the network.
 */
export class UnmatchedRequestError extends CassetteError {
  /** The cassette file that was searched. */
  readonly path: string
  /** Method of the request that missed. */
  readonly method: string
  /** URL of the request that missed. */
  readonly url: string
  /**
   * Node-style errno. msw hands errors that carry `code` and `errno` to the client as the
   * request's own failure (a rejected `fetch`, an `error` event on `http.ClientRequest`)
   * instead of turning them into a 500 response.
   */
  readonly errno = -1

  constructor(path: string, method: string, url: string, message: string) {
    super('ERR_CASSETTE_UNMATCHED', message)
    this.name = 'UnmatchedRequestError'
    this.path = path
    this.method = method
    this.url = url
  }
}
