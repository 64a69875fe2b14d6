import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'

const DECODERS: Record<string, (bytes: Uint8Array) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
}

/**
 * A request body the client compressed, decoded (codings undone last to first), or
 * `undefined` when it names no coding, one this cannot undo, or does not decode. Secrets and
 * JSON inside are then in reach of redaction and matching, as go-vcr stores bodies decoded.
 *
 * @param bytes - The body as sent.
 * @param contentEncoding - The request's `Content-Encoding`, e.g. `gzip`.
 */
export function decodeRequestBody(
  bytes: Uint8Array,
  contentEncoding: string | null,
): Uint8Array | undefined {
  if (!contentEncoding || bytes.byteLength === 0) return undefined
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
  if (codings.length === 0) return undefined
  let decoded: Uint8Array = bytes
  try {
    for (const coding of codings.reverse()) {
      const decode = DECODERS[coding]
      if (!decode) return undefined
      decoded = new Uint8Array(decode(decoded))
    }
  } catch {
    return undefined
  }
  return decoded
}
