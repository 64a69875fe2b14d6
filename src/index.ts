export type { LayoutOption } from './cassette/choose-layout.js'
export { detectLayout } from './cassette/detect-layout.js'
export {
  type CassetteLayout,
  COMPACT_LAYOUT,
  GO_VCR_LAYOUT,
} from './cassette/layout.js'
export { clearCassetteCache, parseCassette } from './cassette/load-cassette.js'
export { formatGoDuration, parseGoDuration } from './cassette/parse-duration.js'
export { listCassettes, locateCassette, resolveCassettePath } from './cassette/resolve-path.js'
export { writeCassette } from './cassette/write-cassette.js'
export { configure, resetConfiguration } from './config.js'
export { DEFAULTS } from './defaults.js'
export { CassetteError, type CassetteErrorCode } from './errors/cassette-error.js'
export { CassetteFormatError, type CassetteLocation } from './errors/cassette-format-error.js'
export { CassetteNotFoundError } from './errors/cassette-not-found-error.js'
export { CassetteOptionsError } from './errors/cassette-options-error.js'
export { CassetteRecordError } from './errors/cassette-record-error.js'
export { UnmatchedRequestError } from './errors/unmatched-request-error.js'
export { type CassetteHandlers, fromCassette, loadCassette } from './from-cassette.js'
export { canonicalJson, normalizeBody } from './match/normalize-body.js'
export { normalizeUrl } from './match/normalize-url.js'
export { createCassetteHandler } from './msw/create-handler.js'
export type {
  BodyNormalizer,
  CassetteOptions,
  HeadersNormalizer,
  IncomingRequest,
  MatchOptions,
  MethodNormalizer,
  RecordMode,
  RedactOptions,
  TimingOption,
  UrlNormalizer,
} from './options.js'
export { CassettePlayer, type Miss, type PlayerBehaviour } from './player/cassette-player.js'
export { isCI, RECORD_MODES, resolveMode } from './record/resolve-mode.js'
export type { CassetteHandle, UseCassetteOptions } from './runner/use-cassette.js'
export { withCassette } from './runner/with-cassette.js'
export type {
  Body,
  Cassette,
  HeaderMap,
  Interaction,
  RecordedRequest,
  RecordedResponse,
} from './types.js'
