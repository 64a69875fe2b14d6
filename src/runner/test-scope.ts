import { AsyncLocalStorage } from 'node:async_hooks'
import type { CassettePlayer } from '../player/cassette-player.js'

/**
 * The cassettes of one running test (`withCassette`), carried with its async context: a request
 * made by that test sees them, a concurrently running test does not.
 */
const scope = new AsyncLocalStorage<readonly CassettePlayer[]>()

/** Cassettes of the test that made the current request, innermost first. */
export function scopedPlayers(): readonly CassettePlayer[] {
  return scope.getStore() ?? []
}

/** Runs `fn` with `player` added (innermost) to the current test's cassettes. */
export function runWithPlayer<T>(player: CassettePlayer, fn: () => T): T {
  return scope.run([player, ...scopedPlayers()], fn)
}
