import type { ClientKind } from './network-errors.js'

/**
 * Which client sent an intercepted request. msw's interceptors attach the originating object
 * under a private `kRawRequest` symbol: a `ClientRequest` for `node:http` (and everything built
 * on it: axios, got, superagent), a `Request` or nothing for `fetch`.
 */
export function clientKind(request: Request): ClientKind {
  const key = Object.getOwnPropertySymbols(request).find(
    (symbol) => symbol.description === 'kRawRequest',
  )
  const raw: unknown = key === undefined ? undefined : Reflect.get(request, key)
  const isClientRequest =
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as { setHeader?: unknown }).setHeader === 'function'
  return isClientRequest ? 'node:http' : 'fetch'
}
