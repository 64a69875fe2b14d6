import { relative } from 'node:path'

/** The prefix of every error message and warning msw-cassette writes. */
export const MESSAGE_PREFIX = 'msw-cassette:'

/** The parts of a message, in the order they are shown. */
export interface MessageParts {
  /** What happened, as one sentence (a final period is added when missing). */
  problem: string
  /** The cassette file concerned, shown relative to the working directory. */
  file?: string | undefined
  /** The request concerned, as `METHOD url`. */
  request?: string | undefined
  /** Lines that explain the problem (what differed, which entries exist). */
  details?: readonly string[] | undefined
  /** What to do about it. */
  hint?: string | undefined
}

/**
 * The one template for every error and warning: the prefix and what happened, then the file
 * and the request where there is one, then the details, then what to do.
 *
 * @example
 * formatMessage({ problem: 'cannot write the cassette', file: '/repo/fixtures/a.yaml', hint: 'Check that the folder is writable.' })
 * // msw-cassette: cannot write the cassette.
 * //   cassette: fixtures/a.yaml
 * // Check that the folder is writable.
 */
export function formatMessage(parts: MessageParts): string {
  const lines = [`${MESSAGE_PREFIX} ${sentence(parts.problem)}`]
  if (parts.file !== undefined) lines.push(`  cassette: ${displayPath(parts.file)}`)
  if (parts.request !== undefined) lines.push(`  request:  ${parts.request}`)
  if (parts.details !== undefined && parts.details.length > 0) {
    lines.push('', ...parts.details)
    if (parts.hint !== undefined) lines.push('')
  }
  if (parts.hint !== undefined) lines.push(parts.hint)
  return lines.join('\n')
}

/** A cassette path as a user reads it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || rel === '' ? path : rel
}

function sentence(text: string): string {
  return /[.!?:]$/.test(text) ? text : `${text}.`
}
