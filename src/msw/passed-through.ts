import type { ServerLike } from '../options/types.js'

/**
 * Requests msw has finished deciding and may be passing on to the network (a handler's
 * `passthrough()`, `onUnhandledRequest: 'bypass'`), until msw says how each ended. A fetch msw
 * passes on goes through undici's dispatcher, where msw-cassette would otherwise take it for a
 * request that bypassed msw and answer it from the cassette.
 */
const deciding = new Map<string, string>()
const MAX_PENDING = 10_000
const watched = new WeakSet<object>()

/** The part of msw's `setupServer()` result this needs. */
export type WatchedServer = Required<Pick<ServerLike, 'events'>>

/**
 * Follows a server's requests: msw emits `request:end` right before it passes a request on, and
 * `response:mocked`, `response:bypass` or `unhandledException` once it is settled.
 *
 * @param server - An msw server msw-cassette uses.
 */
export function watchPassThroughs(server: WatchedServer): void {
  if (watched.has(server)) return
  watched.add(server)
  server.events.on('request:end', ({ request, requestId }) => {
    if (deciding.size >= MAX_PENDING) {
      const [oldest] = deciding.keys()
      if (oldest !== undefined) deciding.delete(oldest)
    }
    deciding.set(requestId, keyOf(request.method, request.url))
  })
  const settled = ({ requestId }: { requestId: string }) => {
    deciding.delete(requestId)
  }
  server.events.on('response:mocked', settled)
  server.events.on('response:bypass', settled)
  server.events.on('unhandledException', settled)
}

/**
 * Whether msw is passing this request on; if so, it is taken off the list (each pass-through
 * reaches the dispatcher once).
 *
 * @param method - The request's method.
 * @param url - Its full URL.
 */
export function takePassThrough(method: string, url: string): boolean {
  const key = keyOf(method, url)
  for (const [requestId, pending] of deciding) {
    if (pending !== key) continue
    deciding.delete(requestId)
    return true
  }
  return false
}

function keyOf(method: string, url: string): string {
  return `${method.toUpperCase()} ${new URL(url).href}`
}
