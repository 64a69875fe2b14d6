import type { Scalar } from 'yaml'
import { parseCassette } from '../cassette/read-cassette.js'
import type { Interaction } from '../cassette/types.js'
import { isMap, isScalar, isSeq, parseDocument } from '../cassette/yaml.js'
import { REDACTED } from '../options/defaults.js'
import { isPlaceholder } from '../secrets/placeholder.js'
import type { Redactor } from '../secrets/redactor.js'
import { cassetteSecrets } from './scan-cassette.js'

/** What rewriting one file in place did. */
export interface InPlaceResult {
  /** The new text; the same string when nothing changed. */
  text: string
  /** How many scalars were rewritten. */
  scalars: number
  /** Fields that could not be rewritten in place (the file is then left as it was). */
  unresolved: string[]
}

interface Edit {
  start: number
  end: number
  text: string
}

/**
 * Redacts a cassette's text in place: only the YAML scalars that hold a secret are rewritten,
 * and within them only the secret's characters (a whole value for a secret header, quoted when
 * it was plain). Every other byte of the file stays: layout, comments, quoting, line ends. The
 * result is parsed back and must equal the redacted interactions; when it does not, or a
 * secret is not written verbatim in the source (escaped, folded), nothing is rewritten and the
 * field is reported.
 *
 * @param text - The file's text.
 * @param path - For messages.
 * @param redactor - The rules, as recording applies them.
 */
export function redactInPlace(text: string, path: string, redactor: Redactor): InPlaceResult {
  const cassette = parseCassette(text, path)
  const doc = parseDocument(text)
  const unresolved: string[] = []
  const edits: Edit[] = []
  const also = cassetteSecrets(cassette, redactor)
  const redacted = cassette.interactions.map((interaction) =>
    redactor.interaction(interaction, also),
  )
  cassette.interactions.forEach((original, at) => {
    const item = doc.getIn(['interactions', at], true)
    const changed = redacted[at]
    if (!isMap(item) || !changed) return
    for (const side of ['request', 'response'] as const) {
      for (const leaf of leaves(item.get(side, true), [])) {
        const before = fieldOf(original, side, leaf.path)
        const after = fieldOf(changed, side, leaf.path)
        const field = `interaction ${at}: ${[side, ...leaf.path].join('.')}`
        const edit = editFor(text, leaf.node, before, after)
        if (edit === 'unchanged') continue
        if (edit === undefined) unresolved.push(field)
        else edits.push(edit)
      }
    }
  })
  if (unresolved.length > 0 || edits.length === 0) return { text, scalars: 0, unresolved }
  let result = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  }
  const back = parseCassette(result, path).interactions
  const mismatched = back.flatMap((interaction, at) =>
    sameParts(interaction, cassette.interactions[at], redacted[at]) ? [] : [`interaction ${at}`],
  )
  if (mismatched.length > 0) return { text, scalars: 0, unresolved: mismatched }
  return { text: result, scalars: edits.length, unresolved }
}

/** Each scalar below `node`, with its key path. */
function leaves(node: unknown, path: string[]): { node: Scalar; path: string[] }[] {
  if (isScalar(node)) return [{ node, path }]
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      isScalar(pair.key) ? leaves(pair.value, [...path, String(pair.key.value)]) : [],
    )
  }
  if (isSeq(node)) return node.items.flatMap((item, at) => leaves(item, [...path, String(at)]))
  return []
}

/** The parsed value a YAML path of `request` or `response` stands for. */
function fieldOf(interaction: Interaction, side: 'request' | 'response', path: string[]): unknown {
  const part = interaction[side]
  const [key, ...rest] = path
  let value: unknown
  if (key === 'url' && side === 'request') value = interaction.request.url
  else if (key === 'body') value = part.body
  else if (key === 'headers') value = part.headers
  else if (key === 'form' && side === 'request') value = interaction.request.form
  else if (key !== undefined) value = part.extra[key]
  for (const step of key === 'url' || key === 'body' ? [] : rest) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[step]
  }
  return value
}

/** The edit that turns the scalar's source into the redacted value; `undefined` when none can. */
function editFor(
  text: string,
  node: Scalar,
  before: unknown,
  after: unknown,
): Edit | 'unchanged' | undefined {
  const [start, end] = node.range ?? []
  if (start === undefined || end === undefined) return undefined
  const source = text.slice(start, end)
  if (before instanceof Uint8Array && after instanceof Uint8Array) {
    if (Buffer.from(before).equals(Buffer.from(after))) return 'unchanged'
    const rewritten = rewriteBase64(source, Buffer.from(after).toString('base64'))
    return rewritten === undefined ? undefined : { start, end, text: rewritten }
  }
  if (typeof before !== 'string' || typeof after !== 'string' || before === after) {
    return 'unchanged'
  }
  const secrets = secretsBetween(before, after)
  if (secrets.length === 0 || secrets.every(isPlaceholder)) return 'unchanged'
  if (node.type === 'PLAIN') {
    if (after.includes('\n')) return undefined
    return { start, end, text: `'${after.replaceAll("'", "''")}'` }
  }
  let rewritten = source
  for (const secret of [...new Set(secrets)].sort((a, b) => b.length - a.length)) {
    if (node.type === 'QUOTE_SINGLE' && secret.includes("'")) return undefined
    if (!rewritten.includes(secret)) return undefined
    rewritten = rewritten.replaceAll(secret, REDACTED)
  }
  return { start, end, text: rewritten }
}

/** The parts of `before` that became the placeholder in `after`. */
function secretsBetween(before: string, after: string): string[] {
  const pieces = after.split(REDACTED)
  const [first = ''] = pieces
  if (!before.startsWith(first)) return []
  const secrets: string[] = []
  let at = first.length
  pieces.slice(1).forEach((piece, index) => {
    const last = index === pieces.length - 2
    const found = last
      ? before.endsWith(piece)
        ? before.length - piece.length
        : -1
      : before.indexOf(piece, at)
    if (found < at) {
      at = Number.NaN
      return
    }
    secrets.push(before.slice(at, found))
    at = found + piece.length
  })
  return Number.isNaN(at) ? [] : secrets.filter((secret) => secret !== '')
}

/** A `!!binary` scalar's source with new base64 text, in the same style and line width. */
function rewriteBase64(source: string, base64: string): string | undefined {
  const block = /^([|>][-+0-9]*\r?\n)([ \t]+)(\S+)/.exec(source)
  if (block) {
    const [, header = '', indent = '', first = ''] = block
    const width = first.length
    const newline = header.endsWith('\r\n') ? '\r\n' : '\n'
    const lines = base64.match(new RegExp(`.{1,${width}}`, 'g')) ?? []
    const tail = /\s*$/.exec(source)?.[0] ?? ''
    return header + lines.map((line) => indent + line).join(newline) + tail
  }
  const quote = source[0] === '"' || source[0] === "'" ? source[0] : ''
  if (source.includes('\n')) return undefined
  return `${quote}${base64}${quote}`
}

/** Whether a re-read interaction holds the redacted values where they changed, the rest as before. */
function sameParts(
  back: Interaction,
  original: Interaction | undefined,
  redacted: Interaction | undefined,
): boolean {
  if (!original || !redacted) return false
  return (['request', 'response'] as const).every((side) =>
    (['url', 'body', 'headers', 'form'] as const).every((key) => {
      if (key === 'url' && side === 'response') return true
      const read = JSON.stringify(partOf(back, side, key))
      return (
        read === JSON.stringify(partOf(redacted, side, key)) ||
        read === JSON.stringify(partOf(original, side, key))
      )
    }),
  )
}

function partOf(interaction: Interaction, side: 'request' | 'response', key: string): unknown {
  const value = (interaction[side] as unknown as Record<string, unknown>)[key]
  return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value
}
