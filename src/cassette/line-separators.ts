import type { Document } from 'yaml'
import { visit } from './yaml.js'

const SEPARATOR = /[\u2028\u2029]/

/**
 * Reads U+2028 and U+2029 the way the writers of Go cassettes meant them. YAML 1.1 (what Go's
 * yaml.v3 writes) counts both as line breaks: yaml.v3 writes one raw inside a single-quoted
 * scalar or a literal block and then indents the next "line". YAML 1.2 (what the `yaml`
 * package reads) counts them as text, which would add that indentation to the value. The
 * separator is kept and the indentation after it dropped.
 *
 * @param doc - A parsed document; its scalars are changed in place.
 * @param text - The source the document was parsed from.
 */
export function foldLineSeparators(doc: Document, text: string): void {
  if (!SEPARATOR.test(text)) return
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !SEPARATOR.test(node.value)) return
      if (node.type === 'QUOTE_SINGLE' || node.type === 'PLAIN') {
        node.value = node.value.replace(/([\u2028\u2029])[ \t]+/g, '$1')
      } else if (node.type === 'BLOCK_LITERAL' && node.range) {
        const indent = contentIndent(text.slice(node.range[0], node.range[1]))
        node.value = node.value.replace(new RegExp(`([\\u2028\\u2029]) {0,${indent}}`, 'g'), '$1')
      }
    },
  })
}

// The indentation of a block scalar's content: the least of its non-blank lines'.
function contentIndent(source: string): number {
  const lines = source.split('\n').slice(1)
  let least = Number.POSITIVE_INFINITY
  for (const line of lines) {
    if (line.trim() === '') continue
    least = Math.min(least, line.length - line.trimStart().length)
  }
  return Number.isFinite(least) ? least : 0
}
