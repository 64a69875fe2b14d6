import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The cassette files among `paths`: files as given, folders searched for `.yaml`/`.yml` files
 * (skipping `node_modules` and hidden folders), in a stable order.
 *
 * @param paths - Files and folders; the current folder when empty.
 */
export function cassetteFiles(paths: readonly string[]): string[] {
  const found: string[] = []
  const walk = (path: string): void => {
    const stats = statSync(path)
    if (!stats.isDirectory()) {
      found.push(path)
      return
    }
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const child = join(path, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (/\.ya?ml$/.test(entry.name)) found.push(child)
    }
  }
  for (const path of paths.length === 0 ? ['.'] : paths) walk(path)
  return found
}
