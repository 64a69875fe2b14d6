/**
 * Headers that describe how the body is framed on the wire. The client's own transport decides
 * framing, so neither a replayed response nor one passed through while recording carries the
 * server's: the client sees the same headers live and replayed.
 */
export const FRAMING_HEADERS: ReadonlySet<string> = new Set(['content-length', 'transfer-encoding'])

/** {@link FRAMING_HEADERS} plus `content-encoding`, for a body that is already decoded. */
export const FRAMING_AND_ENCODING_HEADERS: ReadonlySet<string> = new Set([
  ...FRAMING_HEADERS,
  'content-encoding',
])
