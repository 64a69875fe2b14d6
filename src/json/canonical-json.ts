/**
 * JSON text with object keys sorted at every level, so key order never matters.
 *
 * Written directly rather than through `JSON.stringify` with a replacer: the replacer built a
 * sorted copy of every object, and this runs on every live JSON body that matching sees.
 * Strings and numbers are still written by `JSON.stringify`, so their text is exactly its own.
 * A key named `__proto__` is written like any other key (a sorted plain-object copy would have
 * set the prototype instead, and bodies differing only under it would compare equal).
 *
 * @param value - A value as `JSON.parse` returns it.
 * @example canonicalJson({ b: 1, a: 2 }) // '{"a":2,"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null'
}

/** The text of one value; `undefined` for what JSON leaves out (as `JSON.stringify` does). */
function write(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) {
    let text = '['
    for (let at = 0; at < value.length; at++) {
      if (at > 0) text += ','
      text += write(value[at]) ?? 'null'
    }
    return `${text}]`
  }
  const object = value as Record<string, unknown>
  let text = '{'
  for (const key of Object.keys(object).sort()) {
    const item = write(object[key])
    if (item === undefined) continue
    if (text.length > 1) text += ','
    text += `${JSON.stringify(key)}:${item}`
  }
  return `${text}}`
}
