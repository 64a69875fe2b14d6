import { readFileSync, statSync } from 'node:fs'
import { LineCounter, parseDocument } from 'yaml'
import { CassetteFormatError } from '../errors/cassette-format-error.js'
import { formatMessage } from '../errors/message.js'
import { repairQuotedIndentation } from './repair-quoted-indent.js'
import type { Cassette } from './types.js'
import { type Locate, validateCassette } from './validate.js'

interface CacheEntry {
  mtimeMs: number
  size: number
  cassette: Cassette
}

// Keyed by absolute path; an entry is reused while the file's mtime and size are unchanged,
// so each cassette is parsed once per process however many tests use it.
const cache = new Map<string, CacheEntry>()

/**
 * Reads, parses and validates the cassette file at `path`, from the cache when the file has
 * not changed since it was last read.
 *
 * @param path - Absolute path of an existing cassette file.
 * @throws {@link CassetteFormatError} for YAML syntax errors, unknown versions and bad fields.
 */
export function readCassetteFile(path: string): Cassette {
  const stats = statSync(path)
  const cached = cache.get(path)
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size)
    return cached.cassette
  const cassette = parseCassette(readFileSync(path, 'utf8'), path)
  cache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, cassette })
  return cassette
}

/**
 * Parses cassette YAML text.
 *
 * @param text - The YAML source.
 * @param path - Name used in error messages.
 */
export function parseCassette(text: string, path: string): Cassette {
  let lineCounter = new LineCounter()
  let doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const repaired = doc.errors.length > 0 ? repairQuotedIndentation(text) : undefined
  if (repaired !== undefined) {
    const retryCounter = new LineCounter()
    const retry = parseDocument(repaired, { lineCounter: retryCounter, prettyErrors: false })
    if (retry.errors.length === 0) {
      doc = retry
      lineCounter = retryCounter
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
