import type { HttpHandler } from 'msw'
import { setupServer } from 'msw/node'
import { createCassetteHandler } from '../msw/create-handler.js'
import type { ServerLike } from '../options/types.js'
import type { CassetteSession } from '../session/cassette-session.js'
import { scopedSessions } from './test-scope.js'

interface ServerState {
  handler: HttpHandler
  /** Cassettes of `useCassette` blocks active on this server, outermost first. */
  stack: CassetteSession[]
}

const states = new WeakMap<ServerLike, ServerState>()
let shared: { server: ReturnType<typeof setupServer>; users: number } | undefined

/**
 * The server to work with: the one given, or one msw-cassette starts and shares until its last
 * user releases it. The cassette handler is the shared server's initial handler, so a
 * `resetHandlers()` from anywhere (another test's `afterEach` included) never removes it.
 */
export function acquireServer(given: ServerLike | undefined): ServerLike {
  if (given) return given
  if (!shared) {
    const server = setupServer(stateOf(undefined).handler)
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

/** Makes `session` answer on `server` for every test, inside any cassette already active there. */
export function activate(server: ServerLike, session: CassetteSession): void {
  stateOf(server).stack.push(session)
  ensureInstalled(server)
}

/** Stops `session` answering on `server`. */
export function deactivate(server: ServerLike, session: CassetteSession): void {
  const { stack } = stateOf(server)
  const at = stack.lastIndexOf(session)
  if (at >= 0) stack.splice(at, 1)
}

/**
 * Puts the cassette handler (back) on a server of the user's. Their `afterEach(resetHandlers)`
 * removes runtime handlers, so this runs before every test.
 */
export function ensureInstalled(server: ServerLike): void {
  const { handler } = stateOf(server)
  if (!server.listHandlers().includes(handler)) server.use(handler)
}

// One handler and one stack per server. The shared server (not yet created when its handler is
// needed) is keyed by `undefined` and shares the stack of whichever server object it becomes.
let sharedState: ServerState | undefined
function stateOf(server: ServerLike | undefined): ServerState {
  if (server === undefined || (shared && server === shared.server)) {
    sharedState ??= newState()
    return sharedState
  }
  let state = states.get(server)
  if (!state) {
    state = newState()
    states.set(server, state)
  }
  return state
}

function newState(): ServerState {
  const stack: CassetteSession[] = []
  // The running test's own cassettes (withCassette) first, then useCassette blocks inner to outer.
  const handler = createCassetteHandler(() => [...scopedSessions(), ...stack.toReversed()])
  return { handler, stack }
}
