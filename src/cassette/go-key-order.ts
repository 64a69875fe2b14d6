const LETTER = /^\p{L}$/u
const DIGIT = /^\p{Nd}$/u

/**
 * Compares two map keys as Go's yaml.v3 orders them when it writes a map (header names, form
 * fields): character by character, letters after other characters, and runs of digits by
 * their numeric value (`X-2` before `X-10`).
 *
 * @returns Negative when `a` comes first, positive when `b` does, 0 when equal.
 */
export function compareGoKeys(a: string, b: string): number {
  if (a === b) return 0
  return goKeyLess(a, b) ? -1 : 1
}

function goKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  let digits = false
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string
    const bc = br[i] as string
    if (ac === bc) {
      digits = DIGIT.test(ac)
      continue
    }
    const aLetter = LETTER.test(ac)
    const bLetter = LETTER.test(bc)
    if (aLetter && bLetter) return codeOf(ac) < codeOf(bc)
    // After a digit, a letter ends the number and sorts first; elsewhere it sorts last.
    if (aLetter || bLetter) return digits ? aLetter : bLetter
    // A zero inside a longer number (`10` vs `1a`) is compared as part of it.
    const start = (ac === '0' || bc === '0') && nonZeroBefore(ar, i) ? 1n : 0n
    const [an, aEnd] = numberAt(ar, i, start)
    const [bn, bEnd] = numberAt(br, i, start)
    if (an !== bn) return an < bn
    if (aEnd !== bEnd) return aEnd < bEnd
    return codeOf(ac) < codeOf(bc)
  }
  return ar.length < br.length
}

// Whether the digits just before `at` (shared by both keys) hold a non-zero one.
function nonZeroBefore(chars: readonly string[], at: number): boolean {
  for (let j = at - 1; j >= 0 && DIGIT.test(chars[j] ?? ''); j--) if (chars[j] !== '0') return true
  return false
}

// The value of the run of digits starting at `from`, on top of `start`, and where it ends.
function numberAt(chars: readonly string[], from: number, start: bigint): [bigint, number] {
  let value = start
  let end = from
  while (end < chars.length && DIGIT.test(chars[end] ?? '')) {
    value = value * 10n + BigInt(codeOf(chars[end] ?? '0') - 0x30)
    end++
  }
  return [value, end]
}

function codeOf(char: string): number {
  return char.codePointAt(0) ?? 0
}
