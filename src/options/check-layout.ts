import { NAMED_LAYOUTS } from '../cassette/layout.js'

const LAYOUT_KEYS = ['indent', 'indentSequences', 'emptyFields', 'quoting']
const EXAMPLE =
  "`'auto'`, `'go-vcr'`, `'compact'` or { indent: 2, indentSequences: false, emptyFields: 'omit' }"

/**
 * Checks the `layout` option: `'auto'`, a named layout, or `{ indent, indentSequences,
 * emptyFields, quoting? }` with an indent from 1 to 9.
 *
 * @param layout - The option as given.
 * @param fail - Throws the caller's `CassetteOptionsError`.
 */
export function checkLayout(
  layout: unknown,
  fail: (problem: string, hint?: string) => never,
): void {
  if (layout === 'auto' || (typeof layout === 'string' && Object.hasOwn(NAMED_LAYOUTS, layout)))
    return
  if (typeof layout !== 'object' || layout === null || Array.isArray(layout)) {
    fail(`\`layout\` is ${JSON.stringify(layout)}`, `Use ${EXAMPLE}.`)
  }
  const given = layout as Record<string, unknown>
  const { indent, indentSequences, emptyFields, quoting } = given
  const valid =
    Object.keys(given).every((key) => LAYOUT_KEYS.includes(key)) &&
    typeof indent === 'number' &&
    Number.isInteger(indent) &&
    indent >= 1 &&
    indent <= 9 &&
    typeof indentSequences === 'boolean' &&
    (emptyFields === 'all' || emptyFields === 'omit') &&
    (quoting === undefined || quoting === 'yaml.v3' || quoting === 'double')
  if (!valid) {
    fail(
      `\`layout\` is ${JSON.stringify(layout)}`,
      `Use ${EXAMPLE}: \`indent\` from 1 to 9, \`emptyFields\` 'all' or 'omit', \`quoting\` 'yaml.v3' or 'double'.`,
    )
  }
}
