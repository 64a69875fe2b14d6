import { streamKind } from '../http/stream-kind.js'
import { type JsonPath, visitJsonPath } from '../json/json-paths.js'
import { REDACTED } from '../options/defaults.js'

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
): string {
  if (paths.length === 0 || body === '') return body
  const kind = streamKind(contentType)
  if (kind === undefined) return redactDocument(body, paths) ?? body
  // Streams keep their line ends and framing; only JSON payloads are rewritten.
  return body
    .split(LINE)
    .map((line, at) => (at % 2 === 1 ? line : redactLine(line, kind, paths)))
    .join('')
}

function redactLine(line: string, kind: 'events' | 'lines', paths: readonly JsonPath[]): string {
  if (kind === 'lines') return redactDocument(line, paths) ?? line
  const match = /^(data: ?)(.*)$/s.exec(line)
  if (!match) return line
  const redacted = redactDocument(match[2] ?? '', paths)
  return redacted === undefined ? line : `${match[1]}${redacted}`
}

/** The document with the paths replaced, or `undefined` when it is not JSON or holds none of them. */
function redactDocument(text: string, paths: readonly JsonPath[]): string | undefined {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  let changed = false
  for (const path of paths) changed = replacePath(value, path) || changed
  if (!changed) return undefined
  // Keep the document's look: pretty-printed stays pretty-printed, a final newline stays.
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text.trimStart())?.[1]
  const trailing = /\s*$/.exec(text)?.[0] ?? ''
  return JSON.stringify(value, null, indent) + trailing
}

/** Replaces every value a path points to; `true` when something changed. */
function replacePath(value: unknown, path: JsonPath): boolean {
  let changed = false
  visitJsonPath(value, path, (container, key) => {
    if (container[key] === REDACTED) return
    container[key] = REDACTED
    changed = true
  })
  return changed
}
