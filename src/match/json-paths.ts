/**
 * Removes each dotted path (`metadata.request_id`, `messages.*.id`, `items.0.ts`) from a parsed
 * JSON value, in place. `*` stands for every key or index at that level.
 */
export function removeJsonPaths(value: unknown, paths: readonly (readonly string[])[]): void {
  for (const path of paths) removePath(value, path, 0)
}

/** Splits `a.b.*.c` into its segments, once, so matching does not re-split per request. */
export function parseJsonPaths(paths: readonly string[]): string[][] {
  return paths.map((path) => path.split('.'))
}

function removePath(value: unknown, path: readonly string[], depth: number): void {
  if (typeof value !== 'object' || value === null) return
  const segment = path[depth]
  if (segment === undefined) return
  const container = value as Record<string, unknown>
  const keys = segment === '*' ? Object.keys(container) : [segment]
  for (const key of keys) {
    if (!Object.hasOwn(container, key)) continue
    if (depth === path.length - 1) {
      if (Array.isArray(container)) container[Number(key)] = null
      else delete container[key]
    } else {
      removePath(container[key], path, depth + 1)
    }
  }
}
