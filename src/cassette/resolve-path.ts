import { type Dirent, existsSync, readdirSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { closest } from 'fastest-levenshtein'
import { CassetteNotFoundError } from '../errors/cassette-not-found-error.js'
import { CassetteOptionsError } from '../errors/cassette-options-error.js'
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
  const base = baseInDir(name, dir)
  for (const ext of EXTENSIONS) {
    if (existsSync(base + ext)) return { path: base + ext, exists: true }
  }
  return { path: `${base}.yaml`, exists: false }
}

/**
 * `<dir>/<name>` without extension. A name that is empty, or that resolves outside `dir`
 * (`../../etc/passwd`), is refused: a recording mode would write there.
 *
 * @throws {@link CassetteOptionsError}
 */
function baseInDir(name: string, dir: string): string {
  const root = resolve(dir)
  const base = resolve(root, name)
  const inside = base.startsWith(root + sep) && name.trim() !== ''
  if (inside) return base
  throw new CassetteOptionsError(
    formatMessage({
      problem:
        name.trim() === ''
          ? 'a cassette name must not be empty'
          : `the cassette name "${name}" resolves outside \`dir\` (${root})`,
      hint: 'Name a cassette inside `dir` (subfolders are fine), or give an absolute path or a path ending in .yaml to use a file elsewhere on purpose.',
    }),
  )
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

// The "did you mean" walk is a hint, not a search of the disk: `dir` may be `/tmp`.
const MAX_DEPTH = 6
const MAX_ENTRIES = 5000

/**
 * Names (without extension, with subfolders) of the cassettes below `root`, sorted. The walk
 * is bounded (6 folders deep, 5000 entries) and skips folders it cannot read.
 */
export function listCassettes(root: string): string[] {
  if (!existsSync(root)) return []
  const names: string[] = []
  let seen = 0
  const walk = (folder: string, prefix: string, depth: number): void => {
    let entries: Dirent[]
    try {
      entries = readdirSync(folder, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
          walk(join(folder, entry.name), `${prefix}${entry.name}/`, depth + 1)
        }
      } else if (/\.ya?ml$/.test(entry.name) && !entry.name.startsWith('.')) {
        names.push(prefix + entry.name.replace(/\.ya?ml$/, ''))
      }
    }
  }
  walk(root, '', 0)
  return names.sort()
}
