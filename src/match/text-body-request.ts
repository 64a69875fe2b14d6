import type { IncomingRequest } from '../options/types.js'

const encoder = new TextEncoder()

/**
 * A read request whose body was sent as a string that its UTF-8 bytes give back unchanged (no
 * surrogate, no leading byte order mark): that string is what matching compares, exactly what
 * `bodyText` would decode from the bytes, and the bytes are built only when something asks
 * for them (a custom `matcher`, a recording). Encoding the text only to decode it again cost as
 * much as the rest of matching a request.
 */
export class TextBodyRequest implements IncomingRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Headers
  readonly text: string
  /** The body's UTF-8 bytes, built on first use. */
  declare readonly bytes: Uint8Array
  #bytes: Uint8Array | undefined

  // One getter for every request, so they all share one shape: a getter made per request made
  // each request cost microseconds more.
  static readonly #bytesProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: TextBodyRequest): Uint8Array {
      this.#bytes ??= encoder.encode(this.text)
      return this.#bytes
    },
  }

  /**
   * @param text - The body; the caller checked that its UTF-8 bytes decode back to it.
   */
  constructor(method: string, url: URL, headers: Headers, text: string) {
    this.method = method
    this.url = url
    this.headers = headers
    this.text = text
    // An own, enumerable property, as on every other request a matcher gets: a spread or a
    // JSON of the request keeps its bytes.
    Object.defineProperty(this, 'bytes', TextBodyRequest.#bytesProperty)
  }
}
