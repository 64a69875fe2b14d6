import { constants } from 'node:os'

/** A Node system error, as `net` raises it: message, `code`, `errno`, `syscall`. */
export type SystemError = Error & { code: string; errno: number; syscall: string }

/** The network failures a fault can simulate. */
export type NetworkErrorCode = 'ECONNREFUSED' | 'ECONNRESET'

/** Who sent a request, which decides the shape of the error it sees. */
export type ClientKind = 'fetch' | 'node:http'

/**
 * The error a client sees when the server cannot be reached, shaped as Node's own: for
 * `node:http`, the system error (`connect ECONNREFUSED host:port`); for `fetch`, undici's
 * `TypeError: fetch failed` with that error as its `cause`. Both carry `code` and `errno`,
 * which is what makes msw hand a handler's error to the client as the request's failure.
 *
 * @param code - The failure.
 * @param url - The request URL, for the message.
 * @param client - Who sent the request.
 */
export function networkError(code: NetworkErrorCode, url: URL, client: ClientKind): Error {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  const syscall = code === 'ECONNREFUSED' ? 'connect' : 'read'
  const message =
    code === 'ECONNREFUSED' ? `connect ${code} ${url.hostname}:${port}` : `read ${code}`
  const errno = -(constants.errno[code] ?? 0)
  const system: SystemError = Object.assign(new Error(message), { code, errno, syscall })
  if (client === 'node:http') return system
  return shapedForFetch(
    Object.assign(new TypeError('fetch failed', { cause: system }), { code, errno }),
  )
}

/**
 * The error a fetch body fails with when the connection drops mid-body, as undici's:
 * `TypeError: terminated`, caused by a `SocketError` (`other side closed`, code
 * `UND_ERR_SOCKET`). SDKs turn it into their connection errors.
 */
export function connectionTerminated(): TypeError {
  const cause = Object.assign(new Error('other side closed'), {
    name: 'SocketError',
    code: 'UND_ERR_SOCKET',
  })
  return shapedForFetch(new TypeError('terminated', { cause }))
}

// Errors already wrapped as fetch wraps them; undici wraps what a dispatcher reports itself.
const wrapped = new WeakSet<Error>()

function shapedForFetch<E extends Error>(error: E): E {
  wrapped.add(error)
  return error
}

/**
 * The error to report at undici's dispatcher, which wraps it as fetch does (`fetch failed`,
 * `terminated`): the cause of an error this module already wrapped so, else the error itself.
 * Without it a dispatcher client would see the wrapper wrapped twice.
 */
export function forDispatcher(error: unknown): unknown {
  return error instanceof Error && wrapped.has(error) ? error.cause : error
}
