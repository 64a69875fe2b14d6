import { existsSync, readdirSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { closest } from 'fastest-levenshtein'
import { CassetteNotFoundError } from '../errors/cassette-not-found-error.js'
import { formatMessage } from '../errors/message.js'

const EXTENSIONS = ['.yaml', '.yml'] as const

/** Where a cassette name points, and whether a file is there. */
export interface CassetteLocationOnDisk {
  /** Absolute path of the file (the `.yaml` one when neither exists yet). */
  path: string
  exists: boolean
}

/**
 * Turns a cassette name into a file path. A name resolves to `<dir>/<name>.yaml` (or `.yml`)
 * and may contain subfolders; an absolute path, or one ending in `.yaml`/`.yml`, is used as
 * given (relative to the working directory).
 *
 * @param name - e.g. `simple_object_streaming` or `TestOpenAI/openai-gpt-4o/simple_streaming`.
 * @param dir - Folder names resolve in; relative to the working directory.
 */
export function locateCassette(name: string, dir: string): CassetteLocationOnDisk {
  if (isAbsolute(name) || EXTENSIONS.some((ext) => name.endsWith(ext))) {
    const path = resolve(name)
    return { path, exists: existsSync(path) }
  }
  const base = resolve(dir, name)
  for (const ext of EXTENSIONS) {
    if (existsSync(base + ext)) return { path: base + ext, exists: true }
  }
  return { path: `${base}.yaml`, exists: false }
}

/**
 * Like {@link locateCassette}, but throws a {@link CassetteNotFoundError} that lists the
 * cassettes that do exist and the closest name when there is no file.
 */
export function resolveCassettePath(name: string, dir: string): string {
  const found = locateCassette(name, dir)
  if (found.exists) return found.path
  const root =
    isAbsolute(name) || EXTENSIONS.some((ext) => name.endsWith(ext))
      ? resolve(found.path, '..')
      : resolve(dir)
  const available = listCassettes(root)
  const wanted = relative(root, found.path).replace(/\.ya?ml$/, '')
  const details: string[] = []
  if (available.length === 0) {
    details.push(`No cassettes exist in ${root}.`)
  } else {
    details.push(`Did you mean "${closest(wanted, available)}"? Cassettes in ${root}:`)
    details.push(...available.slice(0, 20).map((item) => `  - ${item}`))
    if (available.length > 20) details.push(`  ... and ${available.length - 20} more`)
  }
  const message = formatMessage({
    problem: 'cassette not found: the file does not exist',
    file: found.path,
    details,
    hint: 'Check the name and the `dir` option, or record the cassette first.',
  })
  throw new CassetteNotFoundError(found.path, message, available)
}

/** Names (without extension, with subfolders) of every cassette below `root`, sorted. */
export function listCassettes(root: string): string[] {
  if (!existsSync(root)) return []
  const names: string[] = []
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`)
      else if (/\.ya?ml$/.test(entry.name)) names.push(prefix + entry.name.replace(/\.ya?ml$/, ''))
    }
  }
  walk(root, '')
  return names.sort()
}
