import { headerValue } from '../cassette/header-map.js'
import type { Interaction } from '../cassette/types.js'
import { isPlaceholder } from './placeholder.js'
import { redactJsonBody } from './redact-json.js'
import { createValueRedactor } from './redact-values.js'
import type { NameRule } from './secret-names.js'
import { findTokens } from './token-patterns.js'

/** A secret found in an interaction: where, and what kind. Never the secret itself. */
export interface SecretFinding {
  /** The field, as a path: `response.headers.X-Goog-Api-Key`, `request.body`. */
  field: string
  /** `GitHub token`, `known secret value`, `secret header`, `secret query parameter`... */
  kind: string
}

/** What to look for. */
export interface FindOptions {
  /** Literal values (`redact.values`, credentials from the environment). */
  values: readonly string[]
  /** Also report secret headers, query and form parameters by name whose value is in clear. */
  names?: NameRule | undefined
  /** Also report JSON fields (bodies, SSE data, NDJSON lines) whose key names a credential. */
  jsonKeys?: NameRule | undefined
}

/**
 * Every secret left in an interaction: a known value or a token of a well-known format in any
 * field (text, header, URL, body, bytes, go-vcr's extra fields), and with `names`, secret
 * headers and parameters not replaced. The last check before a cassette is written, and what
 * `msw-cassette scan` reports.
 */
export function findSecrets(interaction: Interaction, options: FindOptions): SecretFinding[] {
  const findings: SecretFinding[] = []
  const values = createValueRedactor(options.values)
  const add = (field: string, kind: string) => {
    if (!findings.some((item) => item.field === field && item.kind === kind)) {
      findings.push({ field, kind })
    }
  }
  const look = (field: string, value: unknown): void => {
    if (typeof value === 'string') {
      for (const token of findTokens(value)) if (!isPlaceholder(token.value)) add(field, token.kind)
      if (values.contains(value)) add(field, 'known secret value')
    } else if (value instanceof Uint8Array) {
      look(field, Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1'))
    } else if (Array.isArray(value)) {
      for (const item of value) look(field, item)
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) look(`${field}.${key}`, item)
    }
  }
  for (const side of ['request', 'response'] as const) {
    const part = interaction[side]
    const { extra, ...fields } = part
    for (const [key, value] of Object.entries(fields)) look(`${side}.${key}`, value)
    for (const [key, value] of Object.entries(extra)) look(`${side}.${key}`, value)
    if (options.names) findByName(side, part.headers, 'headers', options.names, add)
    const { jsonKeys } = options
    if (jsonKeys && typeof part.body === 'string') {
      const type = headerValue(part.headers, 'content-type')
      if (redactJsonBody(part.body, type, [], jsonKeys) !== part.body) {
        add(`${side}.body`, 'secret JSON field')
      }
    }
  }
  const { names } = options
  if (names) {
    findByName('request', interaction.request.form ?? {}, 'form', names, add)
    for (const name of queryNames(interaction.request.url)) {
      if (names(name.name) && !isPlaceholder(name.value)) {
        add('request.url', 'secret query parameter')
      }
    }
  }
  // A value found in a field that is secret by name is one finding, not two.
  const named = new Set(
    findings.filter((item) => item.kind.startsWith('secret ')).map((item) => item.field),
  )
  return findings.filter((item) => item.kind !== 'known secret value' || !named.has(item.field))
}

function findByName(
  side: string,
  map: Record<string, string[]>,
  what: 'headers' | 'form',
  names: NameRule,
  add: (field: string, kind: string) => void,
): void {
  for (const [name, list] of Object.entries(map)) {
    if (!names(name) || list.every(isPlaceholder)) continue
    add(`${side}.${what}.${name}`, what === 'headers' ? 'secret header' : 'secret form field')
  }
}

function queryNames(url: string): { name: string; value: string }[] {
  const start = url.indexOf('?')
  if (start < 0) return []
  const end = url.indexOf('#', start)
  try {
    return [...new URLSearchParams(url.slice(start + 1, end < 0 ? undefined : end))].map(
      ([name, value]) => ({ name, value }),
    )
  } catch {
    return []
  }
}
