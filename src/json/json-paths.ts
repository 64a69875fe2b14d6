/** A dotted JSON path split into its segments: `messages.*.id` is `['messages', '*', 'id']`. */
export type JsonPath = readonly string[]

/** Splits `a.b.*.c` into its segments, once, so matching does not re-split per request. */
export function parseJsonPaths(paths: readonly string[]): JsonPath[] {
  return paths.map((path) => path.split('.'))
}

/**
 * Calls `visit` with the container and key of every place a path points to in a parsed JSON
 * value: `*` stands for every key or index at its level; keys that do not exist are skipped.
 * `ignoreBodyPaths` (remove) and `redact.bodyPaths` (replace) both walk paths this way.
 *
 * @example visitJsonPath(body, ['messages', '*', 'id'], (message, key) => delete message[key])
 */
export function visitJsonPath(
  value: unknown,
  path: JsonPath,
  visit: (container: Record<string, unknown>, key: string) => void,
  depth = 0,
): void {
  if (typeof value !== 'object' || value === null) return
  const segment = path[depth]
  if (segment === undefined) return
  const container = value as Record<string, unknown>
  for (const key of segment === '*' ? Object.keys(container) : [segment]) {
    if (!Object.hasOwn(container, key)) continue
    if (depth === path.length - 1) visit(container, key)
    else visitJsonPath(container[key], path, visit, depth + 1)
  }
}

/**
 * Removes each path from a parsed JSON value, in place: object keys are deleted, array items
 * become `null` so later indexes keep their meaning.
 */
export function removeJsonPaths(value: unknown, paths: readonly JsonPath[]): void {
  for (const path of paths) {
    visitJsonPath(value, path, (container, key) => {
      if (Array.isArray(container)) container[Number(key)] = null
      else delete container[key]
    })
  }
}
