import { STATUS_CODES } from 'node:http'

// What the Fetch `Response` accepts as a reason phrase: tab, space, visible ASCII, obs-text.
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/

/** Statuses whose responses carry no body; a Fetch `Response` refuses one for them. */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304])

/**
 * The one rule for status codes. A cassette may hold any three-digit code, because go-vcr
 * records whatever the server said (a `101` upgrade, a `1xx`, a vendor `6xx`); only 200-599 can
 * be replayed, because a Fetch `Response` can carry nothing else.
 */
export const STATUS_RANGE = {
  /** Codes a cassette may hold. */
  recorded: { min: 100, max: 999 },
  /** Codes a replayed `Response` can carry. */
  replayable: { min: 200, max: 599 },
} as const

/** Whether `code` is a status a cassette may hold: an integer from 100 to 999. */
export function isRecordableStatus(code: unknown): code is number {
  const { min, max } = STATUS_RANGE.recorded
  return typeof code === 'number' && Number.isInteger(code) && code >= min && code <= max
}

/** Whether a recorded status can be replayed: 200 to 599, what a Fetch `Response` carries. */
export function isReplayableStatus(code: number): boolean {
  const { min, max } = STATUS_RANGE.replayable
  return code >= min && code <= max
}

/**
 * The status text of a recorded `status` line (`200 OK` gives `OK`), or the standard reason
 * phrase when the line holds only the code, or text a `Response` refuses (control characters,
 * characters above U+00FF).
 */
export function statusText(status: string, code: number): string {
  const text = status.startsWith(String(code))
    ? status.slice(String(code).length).trim()
    : status.trim()
  return text === '' || !REASON_PHRASE.test(text) ? (STATUS_CODES[code] ?? '') : text
}
