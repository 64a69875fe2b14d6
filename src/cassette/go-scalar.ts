import { goCanBePlain } from './go-resolve.js'
import { analyse, isBreak, isPrintable } from './go-scalar-analysis.js'

/** How a string is written: as yaml.v3 chooses, made safe for yaml.v3 to read back. */
export type GoScalarStyle = 'plain' | 'single' | 'double' | 'literal'

const BOM = 0xfeff

/**
 * The style Go's yaml.v3 encoder gives a string value in block context (a mapping value or a
 * list item), double-quoted instead in three cases: a literal block whose first line starts
 * with a tab (yaml.v3 cannot read it back), a literal block that starts with a line break
 * (yaml.v3 writes one too few), and U+2028/U+2029. yaml.v3 counts those two as line breaks:
 * it writes one raw with the next line's indentation after it, which a YAML 1.2 reader takes
 * as text, and fails on one that is not followed by that indentation.
 *
 * @param value - The string.
 * @param key - A mapping key: never a block scalar, as in yaml.v3.
 */
export function goScalarStyle(value: string, key = false): GoScalarStyle {
  const scan = analyse(value)
  let style: GoScalarStyle = value.includes('\n')
    ? 'literal'
    : goCanBePlain(value)
      ? 'plain'
      : 'double'
  if (key && scan.multiline) style = 'double'
  if (style === 'plain' && !scan.plainAllowed) style = 'single'
  if (style === 'single' && !scan.singleAllowed) style = 'double'
  if (style === 'literal' && (!scan.blockAllowed || key)) style = 'double'
  // yaml.v3 writes these, but fails to read them back (see the function's summary).
  if (scan.separators && style !== 'double') style = 'double'
  if (style === 'literal' && (value.startsWith('\t') || isBreak(value.codePointAt(0) ?? 0)))
    style = 'double'
  return style
}

/**
 * A string written in the given style, as yaml.v3 writes it (lines never folded: go-vcr's
 * encoder has no width limit).
 *
 * @param value - The string.
 * @param style - From {@link goScalarStyle}.
 * @param indent - The layout's indentation step, written as a literal block's indentation
 *   indicator when the text starts with a space.
 * @param contentColumn - Where a literal block's lines start.
 * @returns The text after `key: `; a literal block's lines follow its header on new lines.
 */
export function renderGoScalar(
  value: string,
  style: GoScalarStyle,
  indent: number,
  contentColumn: number,
): string {
  if (style === 'plain') return value
  if (style === 'single') return `'${value.replaceAll("'", "''")}'`
  if (style === 'double') return doubleQuoted(value)
  return literalBlock(value, indent, contentColumn)
}

/** yaml.v3's escapes: named ones first, then `\x`, `\u` or `\U` with upper-case hex. */
export function doubleQuoted(value: string): string {
  // yaml.v3 tests for a byte-order mark at the start of the value, not at each character, so
  // a value that starts with one has every character escaped. Kept: it reads back the same.
  const escapeAll = value.codePointAt(0) === BOM
  let text = '"'
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    if (!escapeAll && isPrintable(code) && !isBreak(code) && char !== '"' && char !== '\\') {
      text += char
      continue
    }
    text += `\\${NAMED_ESCAPES.get(code) ?? hexEscape(code)}`
  }
  return `${text}"`
}

const NAMED_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
])

function hexEscape(code: number): string {
  const [letter, width] = code <= 0xff ? ['x', 2] : code <= 0xffff ? ['u', 4] : ['U', 8]
  return `${letter}${code.toString(16).toUpperCase().padStart(width, '0')}`
}

function literalBlock(value: string, indent: number, contentColumn: number): string {
  const first = value.codePointAt(0) ?? 0
  const hint = first === 0x20 || isBreak(first) ? String(indent) : ''
  const lines = value.split('\n')
  const endsWithBreak = lines.at(-1) === ''
  if (endsWithBreak) lines.pop()
  // Clip keeps one final line break, keep (`+`) all of them, strip (`-`) none.
  const chomp = !endsWithBreak ? '-' : lines.at(-1) === '' || lines.length === 0 ? '+' : ''
  const pad = ' '.repeat(contentColumn)
  return [`|${hint}${chomp}`, ...lines.map((line) => (line === '' ? '' : pad + line))].join('\n')
}
