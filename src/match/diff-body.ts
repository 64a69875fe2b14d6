import diff from 'microdiff'
import { type JsonPath, removeJsonPaths } from '../json/json-paths.js'
import { shorten, shortenPair } from './shorten.js'

/** How much two bodies differ, and how to say it. */
export interface BodyDifference {
  /** One line per difference, at most `limit`. */
  lines: string[]
  /** Number of differences found (JSON paths, or 1 for text), to rank candidates. */
  size: number
}

/**
 * What differs between a recorded and a sent body: for JSON, each differing path with both
 * values (long values shortened around the difference); for text, the first differing line.
 *
 * @param ignorePaths - Parsed `ignoreBodyPaths`, left out as the matcher leaves them out.
 * @param limit - Lines kept at most.
 */
export function diffBody(
  recorded: string,
  sent: string,
  ignorePaths: readonly JsonPath[] = [],
  limit = 6,
): BodyDifference {
  const recordedJson = parseJson(recorded)
  const sentJson = parseJson(sent)
  if (recordedJson.ok && sentJson.ok) {
    removeJsonPaths(recordedJson.value, ignorePaths)
    removeJsonPaths(sentJson.value, ignorePaths)
    return diffJson(recordedJson.value, sentJson.value, limit)
  }
  if (recorded === '' || sent === '') {
    return {
      lines: [recorded === '' ? 'recorded no body, sent one' : 'recorded a body, sent none'],
      size: 1,
    }
  }
  return diffText(recorded, sent)
}

function diffJson(recorded: unknown, sent: unknown, limit: number): BodyDifference {
  if (
    typeof recorded !== 'object' ||
    recorded === null ||
    typeof sent !== 'object' ||
    sent === null
  ) {
    const [a, b] = shortenPair(JSON.stringify(recorded), JSON.stringify(sent))
    return { lines: [`JSON value: recorded ${a}, sent ${b}`], size: 1 }
  }
  const changes = diff(recorded, sent)
  const lines = changes.slice(0, limit).map((change) => {
    const path = change.path.join('.')
    if (change.type === 'CREATE')
      return `${path}: not recorded, sent ${shorten(show(change.value))}`
    if (change.type === 'REMOVE')
      return `${path}: recorded ${shorten(show(change.oldValue))}, not sent`
    const [a, b] = shortenPair(show(change.oldValue), show(change.value))
    return `${path}: recorded ${a}, sent ${b}`
  })
  if (changes.length > limit) lines.push(`… and ${changes.length - limit} more differences`)
  return { lines, size: changes.length }
}

function diffText(recorded: string, sent: string): BodyDifference {
  const recordedLines = recorded.split('\n')
  const sentLines = sent.split('\n')
  const count = Math.max(recordedLines.length, sentLines.length)
  let differing = 0
  let first = -1
  for (let i = 0; i < count; i++) {
    if (recordedLines[i] !== sentLines[i]) {
      differing++
      if (first < 0) first = i
    }
  }
  const [a, b] = shortenPair(
    recordedLines[first] ?? '(end of body)',
    sentLines[first] ?? '(end of body)',
  )
  return {
    lines: [`line ${first + 1}: recorded ${JSON.stringify(a)}, sent ${JSON.stringify(b)}`],
    size: differing,
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return { ok: false }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}
