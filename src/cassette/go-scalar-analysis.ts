// yaml.v3's scalar analysis (emitterc.go), for block context: which styles can hold a string.

const LINE_BREAKS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029])
// Characters that start an indicator when they open a plain scalar.
const INDICATOR_START = new Set([...'#,[]{}&*!|>\'"%@`'])
const BOM = 0xfeff

/** What yaml.v3 allows for a string. */
export interface Analysis {
  multiline: boolean
  plainAllowed: boolean
  singleAllowed: boolean
  blockAllowed: boolean
  /** Holds U+2028 or U+2029, line breaks to yaml.v3 and text to YAML 1.2 readers. */
  separators: boolean
}

/** yaml.v3's analysis of a string: which styles may hold it. */
export function analyse(value: string): Analysis {
  if (value === '') {
    return {
      multiline: false,
      plainAllowed: true,
      singleAllowed: true,
      blockAllowed: false,
      separators: false,
    }
  }
  const chars = [...value].map((char) => char.codePointAt(0) ?? 0)
  let indicators = value.startsWith('---') || value.startsWith('...')
  let breaks = false
  let special = false
  let tabs = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByBlank = true
  let previousSpace = false
  let previousBreak = false
  chars.forEach((code, at) => {
    const next = chars[at + 1]
    const followedByBlank = next === undefined || next === 0x20 || next === 0x09
    const char = String.fromCodePoint(code)
    if (at === 0) {
      if (INDICATOR_START.has(char)) indicators = true
      if ((char === '?' || char === ':' || char === '-') && followedByBlank) indicators = true
    } else if ((char === ':' && followedByBlank) || (char === '#' && precededByBlank)) {
      indicators = true
    }
    if (code === 0x09) tabs = true
    else if (!isPrintable(code)) special = true
    const last = at === chars.length - 1
    if (code === 0x20) {
      if (at === 0) leadingSpace = true
      if (last) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(code)) {
      breaks = true
      if (at === 0) leadingBreak = true
      if (last) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByBlank = code === 0x20 || code === 0x09 || code === 0 || isBreak(code)
  })
  const spaced = leadingSpace || leadingBreak || trailingSpace || trailingBreak
  const unquotable = spaceBreak || tabs || special
  return {
    multiline: breaks,
    plainAllowed: !(spaced || breakSpace || unquotable || breaks || indicators),
    singleAllowed: !(breakSpace || unquotable),
    blockAllowed: !(trailingSpace || spaceBreak || special),
    separators: chars.includes(0x2028) || chars.includes(0x2029),
  }
}

/** A YAML 1.1 line break, as yaml.v3 counts them (LF, CR, NEL, LS, PS). */
export function isBreak(code: number): boolean {
  return LINE_BREAKS.has(code)
}

/**
 * Whether yaml.v3 writes the character unescaped: LF, printable ASCII, and the BMP outside the
 * surrogates, U+FEFF, U+FFFE and U+FFFF. Everything above the BMP is escaped (`\U0001F600`).
 */
export function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== BOM)
  )
}
