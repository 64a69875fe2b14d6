import { isDeepStrictEqual } from 'node:util'
import type { Document } from 'yaml'
import { detectLayout } from './detect-layout.js'
import { interactionText } from './emit-interaction.js'
import { parseGoDocument } from './go-document.js'
import type { CassetteLayout } from './layout.js'
import { parseCassette } from './read-cassette.js'
import type { Interaction } from './types.js'
import { differences } from './write-cassette.js'
import { isMap, isScalar, isSeq } from './yaml.js'

/**
 * An existing cassette's text with interactions added at the end of its `interactions` list,
 * every byte already there kept as it was (only an empty `interactions: []` becomes a block
 * list). The new interactions take the file's own layout: its indentation, list style and
 * empty fields; ids continue from the file's count, as go-vcr numbers them.
 *
 * @param text - The cassette file's current text.
 * @param path - The file, for messages.
 * @param added - The interactions to add, in order.
 * @param fallback - The layout for a file that holds no interaction to measure its layout by.
 * @returns The new text, or `undefined` when the file cannot be extended in place (version 1,
 *   another key after `interactions`, or a text that would not read back), so that the caller
 *   writes the whole cassette instead.
 */
export function appendedText(
  text: string,
  path: string,
  added: readonly Interaction[],
  fallback: CassetteLayout,
): string | undefined {
  let before: Interaction[]
  try {
    const cassette = parseCassette(text, path)
    if (cassette.version !== 2) return undefined
    before = cassette.interactions
  } catch {
    return undefined
  }
  const doc = parseGoDocument(text)
  const head = headOfList(text, doc)
  if (head === undefined) return undefined
  const layout = detectLayout(text, doc) ?? fallback
  const items = added.map((interaction, at) =>
    interactionText(interaction, before.length + at, layout),
  )
  const next = `${head}${items.join('')}`
  return readsBack(next, path, before, added) ? next : undefined
}

// The text up to where new list items go: all of it when `interactions` is a block list and
// the last thing in the file, or up to `interactions:` when its list is empty.
function headOfList(text: string, doc: Document): string | undefined {
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined
  const last = doc.contents.items.at(-1)
  if (!last || !isScalar(last.key) || last.key.value !== 'interactions' || !last.key.range)
    return undefined
  const value = last.value
  const end = isSeq(value) || isScalar(value) ? value.range?.[2] : undefined
  if (end === undefined || text.slice(end).trim() !== '') return undefined
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    return text.endsWith('\n') ? text : `${text}\n`
  }
  const empty =
    (isSeq(value) && value.items.length === 0) || (isScalar(value) && value.value === null)
  return empty ? `${text.slice(0, last.key.range[1])}:\n` : undefined
}

function readsBack(
  text: string,
  path: string,
  before: readonly Interaction[],
  added: readonly Interaction[],
): boolean {
  try {
    const read = parseCassette(text, path).interactions
    if (read.length !== before.length + added.length) return false
    const same = isDeepStrictEqual(read.slice(0, before.length), before)
    return same && differences(read.slice(before.length), added).size === 0
  } catch {
    return false
  }
}
