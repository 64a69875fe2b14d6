// The codings Node's fetch (undici) decodes. It decodes a response only when it knows every
// coding listed in Content-Encoding, and then the body the client reads is the decoded one.
const DECODED = new Set(['gzip', 'x-gzip', 'deflate', 'br'])

/**
 * Whether fetch handed over the body decoded: true when the response names codings in
 * `Content-Encoding` and fetch knows them all. go-vcr stores such bodies decoded too, with
 * `uncompressed: true`.
 */
export function wasDecoded(contentEncoding: string | null): boolean {
  const codings = codingsOf(contentEncoding ?? '').filter((coding) => coding !== 'identity')
  return codings.length > 0 && codings.every((coding) => DECODED.has(coding))
}

/**
 * The `Accept-Encoding` to send upstream: the client's, without codings fetch cannot decode
 * (a server answering in one of them would hand the client bytes it cannot read, and the
 * recording would be compressed without saying so). Without one, the codings fetch decodes,
 * named here rather than left to fetch's default, which differs between Node versions.
 */
export function upstreamAcceptEncoding(clientValue: string | null): string {
  if (clientValue === null) return [...DECODED].filter((coding) => coding !== 'x-gzip').join(', ')
  const kept = clientValue.split(',').filter((part) => {
    const coding = part.split(';')[0]?.trim().toLowerCase() ?? ''
    return coding === '' || coding === '*' || coding === 'identity' || DECODED.has(coding)
  })
  const value = kept
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ')
  return value === '' ? 'identity' : value
}

function codingsOf(value: string): string[] {
  return value
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '')
}
