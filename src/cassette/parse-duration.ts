const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3, // U+00B5 micro sign, what Go prints
  μs: 1e-3, // U+03BC Greek mu, which Go also accepts
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y

/**
 * Parses a Go duration string (`0s`, `755.667µs`, `2.5s`, `1m2s`) into milliseconds.
 *
 * @param text - The duration as go-vcr wrote it. `''` means no duration was recorded.
 * @returns Milliseconds, or `undefined` when the text is not a Go duration.
 * @example parseGoDuration('1m2.5s') // 62500
 */
export function parseGoDuration(text: string): number | undefined {
  if (text === '' || text === '0') return 0
  let rest = text
  let sign = 1
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1
    rest = rest.slice(1)
  }
  let total = 0
  PART.lastIndex = 0
  while (PART.lastIndex < rest.length) {
    const start = PART.lastIndex
    const match = PART.exec(rest)
    if (match === null || match.index !== start) return undefined
    const [, value = '', unit = ''] = match
    const factor = UNIT_MS[unit]
    if (factor === undefined) return undefined
    total += Number(value) * factor
  }
  return rest.length === 0 ? undefined : sign * total
}

/**
 * Formats milliseconds as a Go duration string, the way Go's `time.Duration.String` does.
 *
 * @example formatGoDuration(229.655875) // '229.655875ms'
 */
export function formatGoDuration(ms: number): string {
  const ns = Math.round(ms * 1e6)
  if (ns === 0) return '0s'
  const sign = ns < 0 ? '-' : ''
  const abs = Math.abs(ns)
  if (abs < 1000) return `${sign}${abs}ns`
  if (abs < 1e6) return `${sign}${trimFraction(abs / 1e3)}µs`
  if (abs < 1e9) return `${sign}${trimFraction(abs / 1e6)}ms`
  const hours = Math.floor(abs / 3.6e12)
  const minutes = Math.floor((abs % 3.6e12) / 6e10)
  const seconds = (abs % 6e10) / 1e9
  const h = hours > 0 ? `${hours}h` : ''
  const m = hours > 0 || minutes > 0 ? `${minutes}m` : ''
  return `${sign}${h}${m}${trimFraction(seconds)}s`
}

function trimFraction(value: number): string {
  // Go prints up to 9 fractional digits and drops trailing zeros.
  return value.toFixed(9).replace(/\.?0+$/, '')
}
