import { STATUS_CODES } from 'node:http'

/**
 * The status text of a recorded `status` line (`200 OK` gives `OK`), or the standard reason
 * phrase when the line holds only the code.
 */
export function statusText(status: string, code: number): string {
  const text = status.startsWith(String(code))
    ? status.slice(String(code).length).trim()
    : status.trim()
  return text === '' ? (STATUS_CODES[code] ?? '') : text
}
