import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { Cassette } from './types.js'

/** The environment variable that moves the disk cache (a folder) or turns it off (`0`). */
export const CACHE_ENV = 'MSW_CASSETTE_CACHE'

/** What the cache keeps of a cassette: everything but its path, which the reader sets. */
export type CachedCassette = Omit<Cassette, 'path'>

/** A cache of parsed cassettes on disk, addressed by the file's content. */
export interface ParseCache {
  /** The folder the entries live in. */
  readonly dir: string
  /** The parsed cassette for this file content, or `undefined` (never a stale or broken one). */
  get(content: Buffer): CachedCassette | undefined
  /** Keeps the parsed cassette for this content; a failure to write is not an error. */
  set(content: Buffer, cassette: CachedCassette): void
}

const CHECKSUM_BYTES = 32

/**
 * A parse cache in `dir`. Each entry is named by a hash of the reader's `build` and the file's
 * bytes, so an edited cassette or another library build can never be served an old entry; each
 * holds a checksum of its payload, so a damaged entry is dropped and parsed again. Entries are
 * written to a temporary file and renamed, so workers sharing the folder never read half an
 * entry.
 *
 * @param dir - The cache folder.
 * @param build - Identifies the code that parsed the entries (version and build).
 */
export function createParseCache(dir: string, build: string): ParseCache {
  const entryPath = (content: Buffer) =>
    join(dir, `${createHash('sha256').update(build).update('\0').update(content).digest('hex')}.v8`)
  return {
    dir,
    get(content) {
      const path = entryPath(content)
      let entry: Buffer
      try {
        entry = readFileSync(path)
      } catch {
        return undefined
      }
      const payload = entry.subarray(CHECKSUM_BYTES)
      const checksum = createHash('sha256').update(payload).digest()
      const cassette = checksum.equals(entry.subarray(0, CHECKSUM_BYTES))
        ? readPayload(payload)
        : undefined
      if (cassette === undefined) rmSync(path, { force: true })
      return cassette
    },
    set(content, cassette) {
      const { version, interactions, ignoredKeys } = cassette
      const payload = serialize({ version, interactions, ignoredKeys: ignoredKeys ?? [] })
      const checksum = createHash('sha256').update(payload).digest()
      const path = entryPath(content)
      const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      try {
        mkdirSync(dir, { recursive: true })
        writeFileSync(temp, Buffer.concat([checksum, payload]))
        renameSync(temp, path)
      } catch {
        // A cache that cannot be written only costs the next run a parse.
        rmSync(temp, { force: true })
      }
    },
  }
}

/**
 * The cache for this process: `MSW_CASSETTE_CACHE` names its folder, or `0`/`false` turns it
 * off; by default `node_modules/.cache/msw-cassette` under the working directory, when there is
 * a `node_modules` there. `undefined` when off, or when `build` is unknown (running from the
 * sources, where the reader's code may change without a new version).
 */
export function defaultParseCache(
  build: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ParseCache | undefined {
  const setting = env[CACHE_ENV]?.trim() ?? ''
  if (/^(0|false|off)$/i.test(setting) || build === undefined) return undefined
  if (setting !== '') return createParseCache(resolve(setting), build)
  const modules = resolve('node_modules')
  return existsSync(modules)
    ? createParseCache(join(modules, '.cache', 'msw-cassette'), build)
    : undefined
}

function readPayload(payload: Buffer): CachedCassette | undefined {
  try {
    const value: unknown = deserialize(payload)
    if (typeof value !== 'object' || value === null) return undefined
    const { version, interactions, ignoredKeys } = value as Record<string, unknown>
    if ((version !== 1 && version !== 2) || !Array.isArray(interactions)) return undefined
    // The keys go-vcr ignores travel with the entry, so the debug log still names them.
    return { version, interactions, ignoredKeys: Array.isArray(ignoredKeys) ? ignoredKeys : [] }
  } catch {
    return undefined
  }
}
