import { CassetteOptionsError } from '../errors/cassette-options-error.js'
import { createPlayer } from '../from-cassette.js'
import type { Cassette } from '../types.js'
import { acquireServer, ensureInstalled, releaseServer } from './server-registry.js'
import { runWithPlayer } from './test-scope.js'
import {
  type CassetteHandle,
  createHandle,
  serverOption,
  type UseCassetteOptions,
} from './use-cassette.js'

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
    throw new CassetteOptionsError('withCassette(name, [options], fn): `fn` must be a function.')
  }
  const player = createPlayer(name, options, 'withCassette')
  const handle = createHandle(player)
  const server = acquireServer(serverOption(player, options))
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
      result = await runWithPlayer(player, bounded)
      player.verify()
    } catch (error) {
      // A failed run keeps its recording out of the cassette, so the previous file survives.
      player.recorder?.discard('the function given to withCassette failed')
      throw error
    }
    // The end of `fn` is the end of this cassette's scope: it is written now, or never.
    await player.save()
    return result
  } finally {
    releaseServer(server)
  }
}
