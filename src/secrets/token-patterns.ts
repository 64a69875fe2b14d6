/** A well-known credential format, found by its shape alone. */
export interface TokenPattern {
  /** What it is, as reports name it: `OpenAI key`. */
  kind: string
  /** Global; group 1, when present, is the part replaced (a scheme word stays). */
  pattern: RegExp
}

// Shapes as the vendors document them. Each needs enough characters after its prefix that
// prose ("sk-learn", "Bearer tokens") is left alone. Order matters: Anthropic before OpenAI.
/** Every token format replaced by default. */
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { kind: 'Anthropic key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'OpenAI key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{30,}/g },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  {
    kind: 'GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g,
  },
  { kind: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  {
    kind: 'JWT',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  },
  // A credential after the scheme word: needs a digit, so "Bearer authentication" stays.
  {
    kind: 'Bearer credential',
    pattern: /\bBearer\s+((?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{8,}=*)/gi,
  },
  {
    kind: 'Basic credential',
    pattern: /\bBasic\s+((?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{8,}={0,2})/gi,
  },
]

/**
 * The text with every token of a known format replaced by the placeholder (for Bearer and
 * Basic, the credential after the scheme word).
 */
export function replaceTokens(text: string, placeholder: string): string {
  let result = text
  for (const { pattern } of TOKEN_PATTERNS) {
    pattern.lastIndex = 0
    if (!pattern.test(result)) continue
    result = result.replace(pattern, (whole, group: unknown) =>
      typeof group === 'string' ? whole.replace(group, placeholder) : placeholder,
    )
  }
  return result
}

/** One token found in a text. */
export interface TokenFound {
  kind: string
  /** The token itself (never printed; the redactor learns it). */
  value: string
}

/** Every token of a known format in the text. */
export function findTokens(text: string): TokenFound[] {
  const found: TokenFound[] = []
  for (const { kind, pattern } of TOKEN_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? match[0]
      if (!found.some((item) => item.value === value || item.value.includes(value))) {
        found.push({ kind, value })
      }
    }
  }
  return found
}
