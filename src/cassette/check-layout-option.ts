import { CassetteOptionsError } from '../errors/cassette-options-error.js'
import { NAMED_LAYOUTS } from './layout.js'

const LAYOUT_KEYS = ['indent', 'indentSequences', 'emptyFields', 'quoting']

/**
 * Throws a {@link CassetteOptionsError} unless `layout` is `'auto'`, a named layout, or
 * `{ indent, indentSequences, emptyFields }` with an indent from 1 to 9.
 *
 * @param layout - The option as given.
 * @param caller - Names the function in the message.
 */
export function checkLayoutOption(layout: unknown, caller: string): void {
  if (
    layout === undefined ||
    layout === 'auto' ||
    (typeof layout === 'string' && layout in NAMED_LAYOUTS)
  )
    return
  const example =
    "`'auto'`, `'go-vcr'`, `'compact'` or { indent: 2, indentSequences: false, emptyFields: 'omit' }"
  if (typeof layout !== 'object' || layout === null || Array.isArray(layout))
    throw new CassetteOptionsError(
      `${caller}: \`layout\` is ${JSON.stringify(layout)}; use ${example}.`,
    )
  const given = layout as Record<string, unknown>
  const unknown = Object.keys(given).filter((key) => !LAYOUT_KEYS.includes(key))
  const { indent, indentSequences, emptyFields, quoting } = given
  const valid =
    unknown.length === 0 &&
    typeof indent === 'number' &&
    Number.isInteger(indent) &&
    indent >= 1 &&
    indent <= 9 &&
    typeof indentSequences === 'boolean' &&
    (emptyFields === 'all' || emptyFields === 'omit') &&
    (quoting === undefined || quoting === 'yaml.v3' || quoting === 'double')
  if (!valid)
    throw new CassetteOptionsError(
      `${caller}: \`layout\` must be ${example}, with \`indent\` from 1 to 9 and \`emptyFields\` 'all' or 'omit'; got ${JSON.stringify(layout)}.`,
    )
}
