/**
 * JSON text with object keys sorted at every level, so key order never matters.
 *
 * The sorted copies have no prototype: on a plain object, assigning a key named `__proto__`
 * would set the prototype instead of adding the key, and two bodies that differ only under
 * `__proto__` would compare equal.
 *
 * @example canonicalJson({ b: 1, a: 2 }) // '{"a":2,"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item
    const sorted: Record<string, unknown> = Object.create(null)
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key]
    return sorted
  })
}
