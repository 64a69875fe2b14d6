import type { IncomingRequest } from '../options/types.js'

const decoder = new TextDecoder()
const EMPTY = new Uint8Array(0)

/**
 * Reads an intercepted request once, from a clone, so the original stays readable for msw and
 * for any other handler.
 */
export async function readIncomingRequest(request: Request): Promise<IncomingRequest> {
  const bytes = request.body === null ? EMPTY : new Uint8Array(await request.clone().arrayBuffer())
  let text: string | undefined
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    bytes,
    // Decoded on demand: the default matching decodes the bytes its own way.
    get text() {
      text ??= bytes.byteLength === 0 ? '' : decoder.decode(bytes)
      return text
    },
  }
}
