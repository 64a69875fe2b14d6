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
 * @param prefix - Text put before it, in the same flat string (a key's `json:` marker).
 * @example canonicalJson({ b: 1, a: 2 }) // '{"a":2,"b":1}'
 */
export function canonicalJson(value: unknown, prefix = ''): string {
  const pieces: string[] = [prefix]
  if (!write(value, pieces)) return `${prefix}null`
  // Joined once, the text is one flat string: keys built by `+=` are ropes, and comparing
  // ropes with every candidate of a miss walked them again each time.
  return pieces.join('')
}

/** Appends the text of one value; `false` for what JSON leaves out (as `JSON.stringify` does). */
function write(value: unknown, pieces: string[]): boolean {
  if (typeof value !== 'object' || value === null) {
    const text = JSON.stringify(value)
    if (text === undefined) return false
    pieces.push(text)
    return true
  }
  if (Array.isArray(value)) {
    pieces.push('[')
    for (let at = 0; at < value.length; at++) {
      if (at > 0) pieces.push(',')
      if (!write(value[at], pieces)) pieces.push('null')
    }
    pieces.push(']')
    return true
  }
  const object = value as Record<string, unknown>
  pieces.push('{')
  let first = true
  for (const key of Object.keys(object).sort()) {
    const item = object[key]
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    pieces.push(first ? '' : ',', JSON.stringify(key), ':')
    first = false
    write(item, pieces)
  }
  pieces.push('}')
  return true
}
