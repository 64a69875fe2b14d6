/** Receives one line (or block) per matching decision. */
export type DebugLog = (line: string) => void

/**
 * The debug channel: each line to stderr behind `[msw-cassette]`. Debug output is a trace of
 * decisions, not a warning, so it does not go through `console.warn`.
 */
export const writeDebugToStderr: DebugLog = (line) => {
  process.stderr.write(`[msw-cassette] ${line.replaceAll('\n', '\n[msw-cassette] ')}\n`)
}
