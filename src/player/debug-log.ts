/** Receives one line per matching decision. */
export type DebugLog = (line: string) => void

/**
 * The debug sink for the `debug` option: a function as given, `true` for stderr, and when unset,
 * stderr if `MSW_CASSETTE_DEBUG` is `1` or `true`.
 */
export function createDebugLog(
  option: boolean | ((line: string) => void) | undefined,
): DebugLog | undefined {
  if (typeof option === 'function') return option
  const fromEnv = /^(1|true)$/i.test(process.env.MSW_CASSETTE_DEBUG ?? '')
  if (option === false || (option === undefined && !fromEnv)) return undefined
  return (line) =>
    process.stderr.write(`[msw-cassette] ${line.replaceAll('\n', '\n[msw-cassette] ')}\n`)
}
