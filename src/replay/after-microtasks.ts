import { nextTurn } from './next-turn.js'

/** `process.nextTick` reduced to what this needs. */
type Tick = (callback: () => void) => void

// Taken when this module loads: a test that fakes timers later (jest fakes `nextTick` by
// default) replaces `process.nextTick` with one that runs only when the test advances time.
const tick = realNextTick()

/**
 * Resolves once every pending microtask has run, the ones those queue included, and before any
 * timer, I/O or message callback: what a client does in reaction to one chunk (promise
 * continuations, a pending `read()`, an `abort()`) happens before this resolves. A microtask
 * queued from a microtask runs before it, a `process.nextTick` queued from one after it, so the
 * tick is queued from a microtask, also when this is called from a tick callback.
 *
 * Much cheaper than a turn of the event loop (no pass through timers and I/O polling), and
 * enough where the client reads the chunk stream through promises: msw 2 hands the stream to
 * fetch as the response body. Where process.nextTick is missing or faked, a turn of the event
 * loop ({@link nextTurn}).
 */
export function afterMicrotasks(): Promise<void> {
  const queue = tick
  if (!queue) return nextTurn()
  return new Promise((resolve) => {
    void Promise.resolve().then(() => queue(resolve))
  })
}

function realNextTick(): Tick | undefined {
  const candidate: unknown = typeof process === 'object' ? process?.nextTick : undefined
  if (typeof candidate !== 'function') return undefined
  // @sinonjs/fake-timers (jest's and vitest's fake timers) marks what it installs with its
  // `clock`, jest's legacy timers are mock functions: when the test runs with timers faked from
  // the start (jest `fakeTimers.enableGlobally`), there is no real nextTick to take.
  if ('clock' in candidate || '_isMockFunction' in candidate) return undefined
  return candidate as Tick
}
