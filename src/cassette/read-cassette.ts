import { readFileSync, statSync } from 'node:fs'
import { CassetteFormatError } from '../errors/cassette-format-error.js'
import { formatMessage } from '../errors/message.js'
import { BUILD_ID } from './build-id.js'
import { fastParse } from './fast-parse.js'
import { GO_READING } from './go-document.js'
import { foldLineSeparators } from './line-separators.js'
import { defaultParseCache, type ParseCache } from './parse-cache.js'
import { repairQuotedIndentation } from './repair-quoted-indent.js'
import type { Cassette } from './types.js'
import { type Locate, validateCassette } from './validate.js'
import { lineCounter as newLineCounter, parseDocument } from './yaml.js'

interface CacheEntry {
  mtimeMs: number
  size: number
  cassette: Cassette
}

// Keyed by absolute path; an entry is reused while the file's mtime and size are unchanged,
// so each cassette is parsed once per process however many tests use it.
const cache = new Map<string, CacheEntry>()

// Behind the in-process cache, one on disk shared by workers and runs; decided on first use.
let diskCache: ParseCache | undefined | null = null

/**
 * Reads, parses and validates the cassette file at `path`, from the cache when the file has
 * not changed since it was last read, else from the disk cache when this content was parsed
 * before (by any worker or run).
 *
 * @param path - Absolute path of an existing cassette file.
 * @throws {@link CassetteFormatError} for YAML syntax errors, unknown versions and bad fields.
 */
export function readCassetteFile(path: string): Cassette {
  const stats = statSync(path)
  const cached = cache.get(path)
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size)
    return cached.cassette
  const content = readFileSync(path)
  if (diskCache === null) diskCache = defaultParseCache(BUILD_ID)
  const stored = diskCache?.get(content)
  const cassette = stored ? { path, ...stored } : parseCassette(content.toString('utf8'), path)
  if (!stored) diskCache?.set(content, cassette)
  cache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, cassette })
  return cassette
}

/**
 * Sets the disk cache readCassetteFile uses (`undefined`: none), instead of the one the
 * environment names; for tests.
 */
export function useParseCache(parseCache: ParseCache | undefined): void {
  diskCache = parseCache
}

/**
 * Parses cassette YAML text: with the fast reader, and with the positional one (the `yaml`
 * package) when the fast one cannot take the file or the file is wrong, so every error still
 * names its line and column.
 *
 * @param text - The YAML source.
 * @param path - Name used in error messages.
 */
export function parseCassette(text: string, path: string): Cassette {
  const data = fastParse(text)
  if (data !== undefined) {
    try {
      return validateCassette(data, path)
    } catch (error) {
      // Parsed again below, only to say where the problem is.
      if (!(error instanceof CassetteFormatError)) throw error
    }
  }
  return parseWithPositions(text, path)
}

/**
 * Parses cassette YAML text with the `yaml` package, which knows every node's position (and
 * repairs the quoted bodies old yaml.v2 files left at their key's indentation). Slower than
 * {@link parseCassette}'s fast reader, and giving the same cassette.
 *
 * @param text - The YAML source.
 * @param path - Name used in error messages.
 */
export function parseWithPositions(text: string, path: string): Cassette {
  let source = text
  let lineCounter = newLineCounter()
  let doc = parseDocument(text, { ...GO_READING, lineCounter })
  const repaired = doc.errors.length > 0 ? repairQuotedIndentation(text) : undefined
  if (repaired !== undefined) {
    const retryCounter = newLineCounter()
    const retry = parseDocument(repaired, { ...GO_READING, lineCounter: retryCounter })
    if (retry.errors.length === 0) {
      doc = retry
      lineCounter = retryCounter
      source = repaired
    }
  }
  const error = doc.errors[0]
  if (error) {
    const position = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0])
    throw new CassetteFormatError(
      'ERR_CASSETTE_SYNTAX',
      path,
      formatMessage({
        problem: `cannot parse the cassette: YAML syntax error at line ${position.line}, column ${position.col}: ${firstLine(error.message)}`,
        file: path,
        hint: 'Fix the file or record it again.',
      }),
      { line: position.line, column: position.col },
      { cause: error },
    )
  }
  const locate: Locate = (at) => {
    const node = doc.getIn(at, true)
    const range =
      typeof node === 'object' && node !== null && 'range' in node ? node.range : undefined
    if (!Array.isArray(range) || typeof range[0] !== 'number') return undefined
    const { line, col } = lineCounter.linePos(range[0])
    return { line, column: col }
  }
  foldLineSeparators(doc, source)
  let parsed: unknown
  try {
    // The parser's alias guard stays on: no cassette writer uses aliases, and a file of nested
    // aliases would expand to gigabytes (a "billion laughs").
    parsed = doc.toJS()
  } catch (error) {
    throw new CassetteFormatError(
      'ERR_CASSETTE_SYNTAX',
      path,
      formatMessage({
        problem: `cannot load the cassette: ${(error as Error).message}`,
        file: path,
        hint: 'Cassettes do not use YAML aliases; record the file again.',
      }),
      {},
      { cause: error },
    )
  }
  return validateCassette(parsed, path, locate)
}

/** Forgets every cached cassette, so the next read parses the files again. */
export function clearCassetteCache(): void {
  cache.clear()
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\.$/, '')
}
