/**
 * Headers about one connection, not the message (RFC 9110 §7.6.1), plus the framing headers a
 * client sets for its own body. A request taken off one client and sent again by fetch must lose
 * them: fetch frames the body itself and refuses `Transfer-Encoding`. Go keeps them out of a
 * request's header map too, so a recording made from them would differ from go-vcr's.
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'host',
])
