import type { Document, Node, Pair } from 'yaml'
import { parseGoDocument } from './go-document.js'
import { goScalarStyle } from './go-scalar.js'
import { type CassetteLayout, nestedColumn, sequenceColumn } from './layout.js'
import { isMap, isPair, isScalar, isSeq, visit, visitBreak } from './yaml.js'

// Fields only go-vcr v4.0.1's layout writes when they are empty.
const ALWAYS_WRITTEN = ['transfer_encoding', 'trailer', 'remote_addr', 'request_uri']
const STEPS = [2, 4, 3, 5, 6, 7, 8]

/** A block and where its content starts, to test a layout against. */
interface Nesting {
  kind: 'map' | 'seq'
  keyColumn: number
  childColumn: number
}

/**
 * The layout a cassette's text is written in, read from its first interaction: where the
 * `- ` of `interactions` is, where nested fields and lists start, and whether empty fields are
 * written. `undefined` when the text holds no interaction to measure (or is not YAML).
 *
 * @param text - The cassette's text.
 * @param doc - Its parsed document, when the caller has it already.
 */
export function detectLayout(
  text: string,
  doc: Document = parseGoDocument(text),
): CassetteLayout | undefined {
  const list = doc.get('interactions', true)
  if (!isSeq(list) || list.flow) return undefined
  const first = list.items[0]
  if (!isMap(first) || first.flow || !first.range) return undefined
  const column = (offset: number) => offset - text.lastIndexOf('\n', offset - 1) - 1
  const dash = column(first.range[0]) - 2
  if (text.slice(first.range[0] - 2, first.range[0]) !== '- ') return undefined
  const nestings: Nesting[] = []
  let everyField = false
  for (const pair of first.items) {
    collect(pair, column, nestings)
    const part = pair.value
    if (isMap(part) && part.items.some((field) => ALWAYS_WRITTEN.includes(keyOf(field))))
      everyField = everyField || keyOf(pair) === 'request'
  }
  for (const indent of STEPS) {
    for (const indentSequences of dash === 0 ? [false] : [true]) {
      const layout: CassetteLayout = {
        indent,
        indentSequences,
        emptyFields: everyField ? 'all' : 'omit',
      }
      if (quotesEverything(doc)) layout.quoting = 'double'
      if (sequenceColumn(layout, 0) !== dash) continue
      const fits = nestings.every(({ kind, keyColumn, childColumn }) =>
        kind === 'map'
          ? nestedColumn(layout, keyColumn) === childColumn
          : sequenceColumn(layout, keyColumn) === childColumn,
      )
      if (fits) return layout
    }
  }
  return undefined
}

// Every block map or list under a key, down the tree.
function collect(pair: Pair, column: (offset: number) => number, into: Nesting[]): void {
  const key = pair.key
  const value = pair.value
  if (!isScalar(key) || !key.range) return
  const keyColumn = column(key.range[0])
  if (isMap(value) && !value.flow && value.range && value.items.length > 0) {
    into.push({ kind: 'map', keyColumn, childColumn: column(value.range[0]) })
    for (const inner of value.items) collect(inner, column, into)
  } else if (isSeq(value) && !value.flow && value.range && value.items.length > 0) {
    into.push({ kind: 'seq', keyColumn, childColumn: column(value.range[0]) })
  }
}

function keyOf(pair: unknown): string {
  if (!isPair(pair)) return ''
  const key = pair.key as Node | null
  return isScalar(key) ? String(key.value) : ''
}

// A writer that double-quotes what yaml.v3 would single-quote or write as a literal block, and
// never uses either style itself.
function quotesEverything(doc: Document): boolean {
  let yamlV3 = false
  let double = false
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'QUOTE_SINGLE' || node.type === 'BLOCK_LITERAL') {
        yamlV3 = true
        return visitBreak()
      }
      if (node.type === 'QUOTE_DOUBLE' && typeof node.value === 'string') {
        const style = goScalarStyle(node.value)
        if (style === 'single' || style === 'literal') double = true
      }
      return undefined
    },
  })
  return double && !yamlV3
}
