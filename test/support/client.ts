import type { setupServer } from 'msw/node'
import { expect } from 'vitest'

/**
 * The error a request fails with, or `undefined` when it succeeds. msw 2 rejects `fetch` with
 * the handler's error itself; msw 3 intercepts at the socket, so undici wraps it as
 * `TypeError('fetch failed', { cause })`. Both give back msw-cassette's error here.
 */
export async function failure(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (reason: unknown) => {
      if (reason instanceof TypeError && reason.cause instanceof Error) return reason.cause
      return reason instanceof Error ? reason : new Error(String(reason))
    },
  )
}

/** The body as the client sees it arrive: one string per read. */
export async function readChunks(response: Response): Promise<string[]> {
  const reader = response.body?.getReader()
  if (!reader) throw new Error('the response has no body')
  const decoder = new TextDecoder()
  const chunks: string[] = []
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(decoder.decode(read.value))
  }
  return chunks
}

type Server = ReturnType<typeof setupServer>

/**
 * Starts a server that errors on unhandled requests under msw 2 (`onUnhandledRequest`) and
 * msw 3 (`onUnhandledFrame`), where the msw 2 key alone is silently ignored.
 */
export function listenStrictly(server: Server): void {
  const options: Record<string, unknown> = {
    onUnhandledRequest: 'error',
    onUnhandledFrame: 'error',
  }
  server.listen(options as Parameters<Server['listen']>[0])
}

/**
 * Asserts that a request failed because no handler answered it and the strict server refused to
 * let it through (`listenStrictly`): msw's own error, not a cassette's, and not a network error
 * from a request that escaped.
 */
export async function expectRefusedByStrictServer(promise: Promise<unknown>): Promise<void> {
  const error = await failure(promise)
  expect(error).toBeInstanceOf(Error)
  expect(error?.message).toMatch(/^\[MSW\] Cannot bypass a request when using the "error" strategy/)
  expect(error).not.toHaveProperty('code')
}
