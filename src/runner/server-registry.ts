import type { HttpHandler } from 'msw'
import { setupServer } from 'msw/node'
import { createCassetteHandler } from '../msw/create-handler.js'
import type { CassettePlayer } from '../player/cassette-player.js'

/** The part of msw's `setupServer()` result that msw-cassette uses. */
export interface ServerLike {
  use(...handlers: HttpHandler[]): void
  listHandlers(): ReadonlyArray<unknown>
}

interface ServerState {
  handler: HttpHandler
  /** Cassettes active on this server, outermost first. */
  stack: CassettePlayer[]
}

const states = new WeakMap<ServerLike, ServerState>()
let shared: { server: ReturnType<typeof setupServer>; users: number } | undefined

/**
 * The server a `useCassette` call works with: the one it was given, or one msw-cassette starts
 * and shares until its last user releases it.
 */
export function acquireServer(given: ServerLike | undefined): ServerLike {
  if (given) return given
  if (!shared) {
    const server = setupServer()
    // msw 2 reads `onUnhandledRequest`, msw 3 `onUnhandledFrame`. Requests are unhandled only
    // while no cassette is active, and then they are none of our business.
    const listenOptions: Record<string, unknown> = {
      onUnhandledRequest: 'bypass',
      onUnhandledFrame: 'bypass',
    }
    server.listen(listenOptions as Parameters<typeof server.listen>[0])
    shared = { server, users: 0 }
  }
  shared.users++
  return shared.server
}

/** Gives a server back; the shared one closes when its last user is done. */
export function releaseServer(server: ServerLike): void {
  if (!shared || server !== shared.server) return
  shared.users--
  if (shared.users === 0) {
    const { server: owned } = shared
    shared = undefined
    owned.close()
  }
}

/** Makes `player` answer on `server`, inside any cassette already active there. */
export function activate(server: ServerLike, player: CassettePlayer): void {
  const state = stateOf(server)
  state.stack.push(player)
  ensureInstalled(server)
}

/** Stops `player` answering on `server`. */
export function deactivate(server: ServerLike, player: CassettePlayer): void {
  const state = states.get(server)
  if (!state) return
  const at = state.stack.lastIndexOf(player)
  if (at >= 0) state.stack.splice(at, 1)
}

/**
 * Puts the cassette handler (back) on the server. A user's `afterEach(server.resetHandlers)`
 * removes runtime handlers, so this runs before every test.
 */
export function ensureInstalled(server: ServerLike): void {
  const state = stateOf(server)
  if (!server.listHandlers().includes(state.handler)) server.use(state.handler)
}

function stateOf(server: ServerLike): ServerState {
  let state = states.get(server)
  if (!state) {
    const stack: CassettePlayer[] = []
    state = { handler: createCassetteHandler(() => stack.toReversed()), stack }
    states.set(server, state)
  }
  return state
}
