import { REDACTED } from '../options/defaults.js'
import { replaceTokens } from './token-patterns.js'

/** Replaces literal secret values, and tokens of well-known formats, in text and bytes. */
export interface ValueRedactor {
  /** The text with every secret replaced. */
  text(text: string): string
  /** The bytes with the UTF-8 bytes of every secret replaced (the same array when none). */
  bytes(bytes: Uint8Array): Uint8Array
  /** Whether the text holds one of the literal values, in any of its forms (tokens aside). */
  contains(text: string): boolean
}

/**
 * Builds the replacer for a list of secret values. Each value is also looked for in the forms
 * it takes inside a URL (percent-encoded, `+` for spaces) and inside a JSON string (escaped), so
 * a key sent as `?key=a%2Fb` or `"a\/b"` is caught too. Longer forms go first, so no shorter
 * value leaves a piece of a longer one behind. Tokens of the formats in `TOKEN_PATTERNS` are
 * replaced after the values.
 */
export function createValueRedactor(values: readonly (string | undefined)[]): ValueRedactor {
  const forms = new Set<string>()
  for (const value of values) {
    if (value === undefined || value === '') continue
    forms.add(value)
    forms.add(encodeURIComponent(value))
    forms.add(new URLSearchParams({ v: value }).toString().slice(2))
    forms.add(JSON.stringify(value).slice(1, -1))
    forms.add(JSON.stringify(value).slice(1, -1).replaceAll('/', '\\/'))
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  // Bytes are searched as latin1 text, one char per byte, for the UTF-8 bytes of each form.
  const byteForms = ordered.map((form) => Buffer.from(form, 'utf8').toString('latin1'))
  const placeholder = Buffer.from(REDACTED, 'utf8').toString('latin1')
  return {
    contains: (text) => ordered.some((form) => text.includes(form)),
    text: (text) => replaceTokens(replaceForms(text, ordered, REDACTED), REDACTED),
    bytes: (bytes) => {
      if (bytes.byteLength === 0) return bytes
      const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
        'latin1',
      )
      const replaced = replaceTokens(replaceForms(latin1, byteForms, placeholder), placeholder)
      return replaced === latin1 ? bytes : new Uint8Array(Buffer.from(replaced, 'latin1'))
    },
  }
}

function replaceForms(text: string, forms: readonly string[], placeholder: string): string {
  let result = text
  for (const form of forms) if (result.includes(form)) result = result.replaceAll(form, placeholder)
  return result
}
