export type { LayoutOption } from './cassette/choose-layout.js'
export type { CassetteLayout } from './cassette/layout.js'
export type {
  Body,
  Cassette,
  HeaderMap,
  Interaction,
  RecordedRequest,
  RecordedResponse,
} from './cassette/types.js'
export { writeCassette } from './cassette/write-cassette.js'
export { CassetteError, type CassetteErrorCode } from './errors/cassette-error.js'
export { CassetteFormatError, type CassetteLocation } from './errors/cassette-format-error.js'
export { CassetteNotFoundError } from './errors/cassette-not-found-error.js'
export { CassetteOptionsError } from './errors/cassette-options-error.js'
export { CassetteRecordError } from './errors/cassette-record-error.js'
export { findCassetteMiss, isCassetteMiss } from './errors/is-cassette-miss.js'
export { UnmatchedRequestError } from './errors/unmatched-request-error.js'
export { UnusedInteractionsError } from './errors/unused-interactions-error.js'
export { type CassetteHandlers, fromCassette } from './msw/from-cassette.js'
export { releaseResponseCopies, type ServerEvents } from './msw/release-response-copies.js'
export { configure, resetConfiguration } from './options/configure.js'
export { resolveMode } from './options/resolve-mode.js'
export type {
  BodyNormalizer,
  CassetteOptions,
  ConfigureOptions,
  Fault,
  HeadersNormalizer,
  IncomingRequest,
  Matcher,
  MatchOptions,
  MethodNormalizer,
  RecordMode,
  RedactOptions,
  ServerLike,
  TimingOption,
  UrlNormalizer,
  UseCassetteOptions,
} from './options/types.js'
export { withCassette } from './runner/with-cassette.js'
export type { Miss } from './session/cassette-session.js'
export type { CassetteHandle } from './session/handle.js'
export { loadCassette } from './session/load-cassette.js'
