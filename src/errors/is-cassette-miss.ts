const MISS_CODE = 'ERR_CASSETTE_UNMATCHED'
const MISS_NAME = 'UnmatchedRequestError'
// How deep to follow `cause`: clients wrap once or twice (undici's "fetch failed", an SDK's
// connection error); the bound only guards against cycles.
const MAX_DEPTH = 8

/**
 * Whether an error is a cassette miss, or was caused by one: clients and msw wrap it
 * (`TypeError: fetch failed` with the miss as `cause`, an SDK's connection error, an
 * `AxiosError`), and under msw 3 in a vm context (vitest `vmThreads`, jest) it may come from
 * another realm, where `instanceof` fails. Looks at `code`, then `name` (also as the start of a
 * wrapper's message), along the `cause` chain.
 *
 * @param error - Anything a request failed with.
 * @example
 * await expect(fetch(url)).rejects.toSatisfy(isCassetteMiss)
 */
export function isCassetteMiss(error: unknown): error is Error {
  return findCassetteMiss(error) !== undefined
}

/**
 * The cassette miss in an error's `cause` chain (the error itself first), if there is one.
 *
 * @param error - Anything a request failed with.
 */
export function findCassetteMiss(error: unknown): Error | undefined {
  let current: unknown = error
  for (let depth = 0; depth < MAX_DEPTH && isObject(current); depth++) {
    const candidate = current as {
      code?: unknown
      name?: unknown
      message?: unknown
      cause?: unknown
    }
    if (
      candidate.code === MISS_CODE ||
      candidate.name === MISS_NAME ||
      // A wrapper that kept only `String(miss)` as its message, as msw 3 does in a vm context.
      (typeof candidate.message === 'string' && candidate.message.startsWith(`${MISS_NAME}: `))
    ) {
      return current as Error
    }
    current = candidate.cause
  }
  return undefined
}

// Not `instanceof Object`: an error from another realm (a vm context) is an object all the same.
function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function'
}
