// Replaced by the build (tsup `define`) with the package version and the build's time.
declare const __MSW_CASSETTE_BUILD__: string | undefined

/**
 * Identifies the code that parses cassettes, for the disk cache's keys: the package version
 * and when it was built, so entries from another build are never read. `undefined` when
 * running from the sources (tests of this repo), where the cache is off unless a test turns
 * it on.
 */
export const BUILD_ID: string | undefined =
  typeof __MSW_CASSETTE_BUILD__ === 'string' ? __MSW_CASSETTE_BUILD__ : undefined
