import { STATUS_CODES } from 'node:http'

/**
 * The response a `status` fault answers with instead of the recording: the status, its
 * standard reason phrase, the given headers and body.
 *
 * @example statusResponse(429, { 'Retry-After': '1' }, '{"error":"rate limited"}')
 */
export function statusResponse(
  status: number,
  headers: Record<string, string> = {},
  body?: string,
): Response {
  return new Response(body ?? null, {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers,
  })
}
