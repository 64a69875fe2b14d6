import { REDACTED } from '../defaults.js'
import { streamKind } from '../replay/split-events.js'

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
  paths: readonly (readonly string[])[],
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

function redactLine(
  line: string,
  kind: 'events' | 'lines',
  paths: readonly (readonly string[])[],
): string {
  if (kind === 'lines') return redactDocument(line, paths) ?? line
  const match = /^(data: ?)(.*)$/s.exec(line)
  if (!match) return line
  const redacted = redactDocument(match[2] ?? '', paths)
  return redacted === undefined ? line : `${match[1]}${redacted}`
}

/** The document with the paths replaced, or `undefined` when it is not JSON or holds none of them. */
function redactDocument(text: string, paths: readonly (readonly string[])[]): string | undefined {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  let changed = false
  for (const path of paths) changed = replacePath(value, path, 0) || changed
  if (!changed) return undefined
  // Keep the document's look: pretty-printed stays pretty-printed, a final newline stays.
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text.trimStart())?.[1]
  const trailing = /\s*$/.exec(text)?.[0] ?? ''
  return JSON.stringify(value, null, indent) + trailing
}

function replacePath(value: unknown, path: readonly string[], depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  const segment = path[depth]
  if (segment === undefined) return false
  const container = value as Record<string, unknown>
  const keys = segment === '*' ? Object.keys(container) : [segment]
  let changed = false
  for (const key of keys) {
    if (!Object.hasOwn(container, key)) continue
    if (depth === path.length - 1) {
      if (container[key] !== REDACTED) {
        container[key] = REDACTED
        changed = true
      }
    } else {
      changed = replacePath(container[key], path, depth + 1) || changed
    }
  }
  return changed
}
