import { isReplayableStatus, NULL_BODY_STATUSES } from '../http/status.js'

/** Reports a problem with an option; never returns. */
export type Fail = (problem: string, hint?: string) => never

const FAULT_KEYS = [
  'cutAfter',
  'stallAfter',
  'delayHeadersMs',
  'status',
  'headers',
  'body',
  'networkError',
  'times',
  'when',
] as const
// What goes wrong; at most one per fault (`delayHeadersMs` may come with any of them).
const KINDS = ['cutAfter', 'stallAfter', 'status', 'networkError'] as const
const NETWORK_ERRORS = ['ECONNREFUSED', 'ECONNRESET']

/**
 * Checks one fault: known names, values of the right kind, and a combination that can happen
 * (one of `cutAfter`, `stallAfter`, `status`, `networkError`, with or without `delayHeadersMs`;
 * `headers` and `body` only with `status`).
 *
 * @param fault - The fault as given.
 * @param name - How messages name it, e.g. "`faults[0]`".
 * @param fail - Throws the caller's `CassetteOptionsError`.
 */
export function checkFault(fault: unknown, name: string, fail: Fail): void {
  if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) {
    fail(`${name} must be an object like { status: 429 } or { cutAfter: 5 }`)
  }
  const record = fault as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!(FAULT_KEYS as readonly string[]).includes(key)) {
      fail(`unknown fault \`${key}\` in ${name}`, `Known: ${FAULT_KEYS.map(code).join(', ')}.`)
    }
  }
  if ((record.headers !== undefined || record.body !== undefined) && record.status === undefined) {
    fail(`\`headers\` and \`body\` in ${name} need a \`status\` to answer with`)
  }
  const kinds = KINDS.filter((kind) => record[kind] !== undefined)
  if (kinds.length > 1) {
    fail(
      `${name} combines ${kinds.map(code).join(' and ')}, which cannot happen to one request`,
      'Give one of them (`delayHeadersMs` may come with any), or declare two faults.',
    )
  }
  if (kinds.length === 0 && record.delayHeadersMs === undefined) {
    fail(
      `${name} says nothing goes wrong`,
      `Give one of ${[...KINDS, 'delayHeadersMs'].map(code).join(', ')}.`,
    )
  }
  for (const key of ['cutAfter', 'stallAfter'] as const) {
    const value = record[key]
    if (value !== undefined && !isCount(value)) {
      fail(`\`${key}\` in ${name} must be a number of events, 0 or more`)
    }
  }
  const { delayHeadersMs, status, headers, body, networkError, times, when } = record
  if (delayHeadersMs !== undefined && !isDelay(delayHeadersMs)) {
    fail(`\`delayHeadersMs\` in ${name} must be a number of milliseconds, 0 or more`)
  }
  if (status !== undefined && !(isCount(status) && isReplayableStatus(status))) {
    fail(`\`status\` in ${name} must be an HTTP status code from 200 to 599`)
  }
  if (headers !== undefined && !isStringMap(headers)) {
    fail(`\`headers\` in ${name} must map header names to strings, like { 'Retry-After': '1' }`)
  }
  if (body !== undefined && typeof body !== 'string') fail(`\`body\` in ${name} must be a string`)
  if (body !== undefined && typeof status === 'number' && NULL_BODY_STATUSES.has(status)) {
    fail(`${name} gives a \`body\` to status ${status}, which carries none`)
  }
  if (networkError !== undefined && !NETWORK_ERRORS.includes(networkError as string)) {
    fail(`\`networkError\` in ${name} must be ${NETWORK_ERRORS.map((e) => `'${e}'`).join(' or ')}`)
  }
  if (times !== undefined && times !== 'all' && !(isCount(times) && times > 0)) {
    fail(`\`times\` in ${name} must be a number of requests, 1 or more, or 'all'`)
  }
  if (when !== undefined && typeof when !== 'function') {
    fail(`\`when\` in ${name} must be a function (request, interaction) => boolean`)
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

function isDelay(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}

function isStringMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every((item: unknown) => typeof item === 'string')
}

function code(name: string): string {
  return `\`${name}\``
}
