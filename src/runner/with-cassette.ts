import type { Cassette } from '../cassette/types.js'
import { CassetteOptionsError } from '../errors/cassette-options-error.js'
import { formatMessage } from '../errors/message.js'
import { resolveOptions } from '../options/configure.js'
import type { UseCassetteOptions } from '../options/types.js'
import { type CassetteHandle, createHandle } from '../session/handle.js'
import { openSession } from '../session/open-session.js'
import { acquireServer, ensureInstalled, releaseServer } from './server-registry.js'
import { runWithSession } from './test-scope.js'

/**
 * Runs `fn` with a cassette that answers only the requests `fn` makes (they carry it in their
 * async context), so tests running concurrently in one file (`test.concurrent`) each see their
 * own cassette. After `fn`, fails like `useCassette`'s after-hook: on a miss, and with `strict`
 * on unused interactions. In a recording mode, the cassette is written when `fn` succeeds.
 *
 * @example
 * test.concurrent('answers as Alice', () =>
 *   withCassette('users/alice', async () => {
 *     expect(await (await fetch('https://api.example.test/me')).json()).toEqual({ name: 'Alice' })
 *   }))
 */
export async function withCassette<T>(
  name: string | Cassette,
  fn: (handle: CassetteHandle) => Promise<T> | T,
): Promise<T>
export async function withCassette<T>(
  name: string | Cassette,
  options: UseCassetteOptions,
  fn: (handle: CassetteHandle) => Promise<T> | T,
): Promise<T>
export async function withCassette<T>(
  name: string | Cassette,
  optionsOrFn: UseCassetteOptions | ((handle: CassetteHandle) => Promise<T> | T),
  maybeFn?: (handle: CassetteHandle) => Promise<T> | T,
): Promise<T> {
  const fn = typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn
  const options = typeof optionsOrFn === 'function' ? undefined : optionsOrFn
  if (typeof fn !== 'function') {
    throw new CassetteOptionsError(
      formatMessage({
        problem: 'withCassette(name, [options], fn): `fn` must be a function',
        hint: 'Pass the code that makes the requests as the last argument.',
      }),
    )
  }
  const session = openSession(name, resolveOptions(options, 'withCassette'))
  const handle = createHandle(session)
  const server = acquireServer(session.options.server)
  try {
    const run = async (): Promise<T> => {
      ensureInstalled(server)
      return await fn(handle)
    }
    // Inside msw's boundary, a `resetHandlers()` made by another test cannot remove the handler
    // this test relies on.
    const bounded = server.boundary ? server.boundary(run) : run
    let result: T
    try {
      result = await runWithSession(session, bounded)
      session.verify()
    } catch (error) {
      // A failed run keeps its recording out of the cassette, so the previous file survives.
      session.recorder?.discard('the function given to withCassette failed')
      throw error
    }
    // The end of `fn` is the end of this cassette's scope: it is written now, or never.
    await session.save()
    return result
  } finally {
    releaseServer(server)
  }
}
