import { compareGoKeys } from './go-key-order.js'
import { goScalarStyle, renderGoScalar } from './go-scalar.js'
import { requestEntries, responseEntries } from './go-vcr-fields.js'
import { type CassetteLayout, nestedColumn, sequenceColumn } from './layout.js'
import type { Interaction } from './types.js'

// yaml.v3 writes base64 in lines of this width, and a shorter one unquoted.
const BASE64_LINE = 70

/**
 * One interaction as a list item of `interactions:`, as go-vcr's yaml.v3 encoder writes it in
 * the given layout: go-vcr's field order, map keys sorted as Go sorts them, each string in the
 * style yaml.v3 picks (made safe for yaml.v3 to read back, see {@link goScalarStyle}).
 *
 * @param interaction - What to write; fields go-vcr knows are taken from `extra` when present.
 * @param id - The `id` written.
 * @param layout - Indentation, list style and which empty fields are written.
 * @param quoteBodies - Write both bodies double-quoted (a fallback that always reads back).
 * @returns The item's lines, each ending with a line break.
 */
export function interactionText(
  interaction: Interaction,
  id: number,
  layout: CassetteLayout,
  quoteBodies = false,
): string {
  const dash = sequenceColumn(layout, 0)
  const item = dash + 2
  const lines = [
    entryText('id', id, item, layout),
    `${' '.repeat(item)}request:`,
    ...requestEntries(interaction, layout).map(([key, value]) =>
      entryText(key, value, nestedColumn(layout, item), layout, quoteBodies && key === 'body'),
    ),
    `${' '.repeat(item)}response:`,
    ...responseEntries(interaction, layout).map(([key, value]) =>
      entryText(key, value, nestedColumn(layout, item), layout, quoteBodies && key === 'body'),
    ),
  ]
  return `${' '.repeat(dash)}- ${lines.join('\n').slice(item)}\n`
}

/** `key: value` at `column`, with what a block value needs on the following lines. */
function entryText(
  key: string,
  value: unknown,
  column: number,
  layout: CassetteLayout,
  forceDouble = false,
): string {
  const head = `${' '.repeat(column)}${scalarText(key, column, layout, true)}:`
  if (value instanceof Uint8Array && value.byteLength > 0)
    return `${head} ${binary(value, column, layout)}`
  if (Array.isArray(value)) {
    if (value.length === 0) return `${head} []`
    const dash = sequenceColumn(layout, column)
    return [head, ...value.map((item: unknown) => itemText(item, dash, layout))].join('\n')
  }
  if (isMap(value)) {
    const keys = Object.keys(value).sort(compareGoKeys)
    if (keys.length === 0) return `${head} {}`
    const inner = nestedColumn(layout, column)
    return [head, ...keys.map((name) => entryText(name, value[name], inner, layout))].join('\n')
  }
  if (typeof value === 'string' && forceDouble)
    return `${head} ${renderGoScalar(value, 'double', layout.indent, 0)}`
  return `${head} ${scalarText(value, column, layout)}`
}

function itemText(value: unknown, dash: number, layout: CassetteLayout): string {
  const pad = `${' '.repeat(dash)}- `
  if (isMap(value) || Array.isArray(value)) {
    // A nested block starts on the dash's line, two columns in.
    const inner = isMap(value)
      ? Object.keys(value)
          .sort(compareGoKeys)
          .map((name) => entryText(name, value[name], dash + 2, layout))
          .join('\n')
      : value.map((item: unknown) => itemText(item, dash + 2, layout)).join('\n')
    return inner === '' ? `${pad}${isMap(value) ? '{}' : '[]'}` : pad + inner.slice(dash + 2)
  }
  return pad + scalarText(value, dash, layout, true)
}

function scalarText(
  value: unknown,
  column: number,
  layout: CassetteLayout,
  inline = false,
): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value)
  if (value instanceof Uint8Array) return '""'
  const text = String(value)
  let style = goScalarStyle(text, inline)
  // Keys and list items stay on one line (header values cannot hold line breaks anyway).
  if (style === 'literal' && inline) style = 'double'
  if (layout.quoting === 'double' && (style === 'single' || style === 'literal')) style = 'double'
  return renderGoScalar(text, style, layout.indent, nestedColumn(layout, column))
}

function binary(bytes: Uint8Array, column: number, layout: CassetteLayout): string {
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  if (base64.length < BASE64_LINE) return `!!binary ${base64}`
  const pad = ' '.repeat(nestedColumn(layout, column))
  const lines = base64.match(new RegExp(`.{1,${BASE64_LINE}}`, 'g')) ?? []
  return ['!!binary |', ...lines.map((line) => pad + line)].join('\n')
}

function isMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  )
}
