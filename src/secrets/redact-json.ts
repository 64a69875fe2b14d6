import { streamKind } from '../http/stream-kind.js'
import { type JsonPath, visitJsonPath } from '../json/json-paths.js'
import { REDACTED } from '../options/defaults.js'
import { isPlaceholder } from './placeholder.js'

const LINE = /(\r\n|\r|\n)/

/**
 * Replaces the values at the given JSON paths with the placeholder, in a JSON body, or in each
 * JSON line of an SSE (`data:` fields) or NDJSON stream. Text that is not JSON, or JSON without
 * the paths, comes back unchanged, byte for byte.
 *
 * @param body - The body text.
 * @param contentType - Decides between a stream and a single JSON document.
 * @param paths - Parsed paths, e.g. `[['user', 'email'], ['messages', '*', 'content']]`.
 */
export function redactJsonBody(
  body: string,
  contentType: string,
  paths: readonly JsonPath[],
  isSecretKey?: (key: string) => boolean,
): string {
  if (body === '') return body
  // Parsing is skipped for the usual body: no path to replace and no credential-like key.
  const keys = isSecretKey !== undefined && CANDIDATE_KEY.test(body)
  if (paths.length === 0 && !keys) return body
  const secretKey = keys ? isSecretKey : undefined
  const kind = streamKind(contentType)
  if (kind === undefined) return redactDocument(body, paths, secretKey) ?? body
  // Streams keep their line ends and framing; only JSON payloads are rewritten.
  return body
    .split(LINE)
    .map((line, at) => (at % 2 === 1 ? line : redactLine(line, kind, paths, secretKey)))
    .join('')
}

type KeyRule = ((key: string) => boolean) | undefined

// A key that may name a credential, before any parsing: `"..token":`, `"password":`...
const CANDIDATE_KEY = /"[\w.-]*(?:token|secret|key|password|passwd)"\s*:/i

function redactLine(
  line: string,
  kind: 'events' | 'lines',
  paths: readonly JsonPath[],
  secretKey: KeyRule,
): string {
  if (kind === 'lines') return redactDocument(line, paths, secretKey) ?? line
  const match = /^(data: ?)(.*)$/s.exec(line)
  if (!match) return line
  const redacted = redactDocument(match[2] ?? '', paths, secretKey)
  return redacted === undefined ? line : `${match[1]}${redacted}`
}

/** The document with the paths replaced, or `undefined` when it is not JSON or holds none of them. */
function redactDocument(
  text: string,
  paths: readonly JsonPath[],
  secretKey: KeyRule,
): string | undefined {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const replaced: unknown[] = []
  for (const path of paths) replacePath(value, path, replaced)
  if (secretKey) replaceKeys(value, secretKey, replaced)
  if (replaced.length === 0) return undefined
  // Strings are replaced in the text itself, so every other byte stays (a recording reads like
  // what was sent, and `msw-cassette redact` can rewrite just the secret). Checked by parsing.
  if (replaced.every((item) => typeof item === 'string')) {
    let result = text
    for (const item of new Set(replaced)) {
      result = result.replaceAll(JSON.stringify(item), JSON.stringify(REDACTED))
    }
    if (sameJson(result, value)) return result
  }
  // Keep the document's look: pretty-printed stays pretty-printed, a final newline stays.
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text.trimStart())?.[1]
  const trailing = /\s*$/.exec(text)?.[0] ?? ''
  return JSON.stringify(value, null, indent) + trailing
}

/** Replaces every value a path points to; `true` when something changed. */
function replacePath(value: unknown, path: JsonPath, replaced: unknown[]): void {
  visitJsonPath(value, path, (container, key) => {
    if (container[key] === REDACTED) return
    replaced.push(container[key])
    container[key] = REDACTED
  })
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value)
  } catch {
    return false
  }
}

/** Replaces the string values of credential keys at any depth, noting each in `replaced`. */
function replaceKeys(
  value: unknown,
  secretKey: (key: string) => boolean,
  replaced: unknown[],
): void {
  if (typeof value !== 'object' || value === null) return
  for (const [key, item] of Object.entries(value)) {
    // A placeholder someone wrote by hand (`<token>`, `REDACTED`) stays as it is.
    if (typeof item === 'string' && !isPlaceholder(item) && secretKey(key)) {
      ;(value as Record<string, unknown>)[key] = REDACTED
      replaced.push(item)
    } else {
      replaceKeys(item, secretKey, replaced)
    }
  }
}
