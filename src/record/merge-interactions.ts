import type { Body, Interaction } from '../cassette/types.js'

/**
 * `current`, then each of `ours` that `current` lacks. Interactions are compared by request and
 * response (method, URL, headers, bodies, status), not ids or timing; as multisets, so two
 * identical recordings (polling) stay two.
 */
export function mergeInteractions(
  current: readonly Interaction[],
  ours: readonly Interaction[],
): Interaction[] {
  const counts = new Map<string, number>()
  for (const interaction of current) {
    const key = fingerprint(interaction)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const merged = [...current]
  for (const interaction of ours) {
    const key = fingerprint(interaction)
    const left = counts.get(key) ?? 0
    if (left > 0) counts.set(key, left - 1)
    else merged.push(interaction)
  }
  return merged
}

function fingerprint({ request, response }: Interaction): string {
  return JSON.stringify([
    request.method,
    request.url,
    request.headers,
    bodyKey(request.body),
    response.code,
    response.headers,
    bodyKey(response.body),
  ])
}

function bodyKey(body: Body): string {
  return typeof body === 'string' ? body : `b64:${Buffer.from(body).toString('base64')}`
}
