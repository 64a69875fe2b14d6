import { syncBuiltinESMExports } from 'node:module'
import { setTimeout as nodeSetTimeout } from 'node:timers'
import { createCassetteDispatcher, type DispatchScope } from './cassette-dispatcher.js'
import type { Dispatcher } from './dispatch-types.js'

/**
 * Where Node's built-in fetch and the `undici` package (6 and 7) both look up the dispatcher
 * that sends every request. A fetch saved before msw started, an SDK client created at module
 * top level, and undici's `fetch`/`request`/`stream` all pass here, where msw 2 never looks.
 */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1')

type GlobalWithDispatcher = typeof globalThis & { [GLOBAL_DISPATCHER]?: Dispatcher }

let holders = 0
let installed: { global: GlobalWithDispatcher; ours: Dispatcher; previous: Dispatcher }[] = []

/**
 * The globals whose dispatcher Node's fetch and undici read: this realm's, and Node's own when
 * the test runs in a realm of its own. jest runs each test file in a vm context: Node's
 * built-in fetch (and a reference to it saved before msw started) reads the dispatcher from the
 * outer global, which the test file's `globalThis` is not. A function of a Node built-in module
 * belongs to that outer realm, and its `Function` evaluates there.
 */
function dispatcherGlobals(): GlobalWithDispatcher[] {
  const globals: GlobalWithDispatcher[] = [globalThis as GlobalWithDispatcher]
  try {
    const OuterFunction = Object.getPrototypeOf(nodeSetTimeout).constructor as FunctionConstructor
    const outer = new OuterFunction('return globalThis')() as GlobalWithDispatcher
    if (outer !== globalThis) globals.push(outer)
  } catch {
    // Code generation from strings is off: only this realm's dispatcher can be reached.
  }
  return globals
}

/**
 * Puts the cassette dispatcher in place for as long as anyone holds it; the first hold installs
 * it, the last release puts the previous dispatcher back.
 *
 * @param scope - Which cassettes answer; the same for every holder.
 */
export function holdGlobalDispatcher(scope: DispatchScope): void {
  holders++
  if (installed.length > 0) return
  for (const global of dispatcherGlobals()) {
    // Node creates its default agent when fetch is first touched.
    void global.fetch
    const previous = global[GLOBAL_DISPATCHER]
    if (!previous || typeof previous.dispatch !== 'function') continue
    const ours = createCassetteDispatcher(previous, scope)
    global[GLOBAL_DISPATCHER] = ours
    installed.push({ global, ours, previous })
  }
}

/** Gives back a hold; the last one restores the dispatcher that was there before. */
export function releaseGlobalDispatcher(): void {
  holders = Math.max(0, holders - 1)
  if (holders > 0) return
  for (const { global, ours, previous } of installed) {
    // Someone who replaced ours since (a `setGlobalDispatcher` in a test) keeps theirs.
    if (global[GLOBAL_DISPATCHER] === ours) global[GLOBAL_DISPATCHER] = previous
  }
  installed = []
}

/**
 * Points named imports of Node's built-in modules (`import { request } from 'node:http'`) at
 * the functions their module objects hold now. msw patches `http.request` on the module
 * object when it starts listening and restores it when it closes; an ES module's named import
 * only follows after this sync.
 */
export function syncNamedImports(): void {
  syncBuiltinESMExports()
}
