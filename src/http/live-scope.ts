import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Marks the requests msw-cassette itself sends to the network (recording), so the interception
 * paths below msw let them through instead of answering them from a cassette.
 */
const live = new AsyncLocalStorage<true>()

/** Runs `send` with every request it makes marked as msw-cassette's own. */
export function sendingLive<T>(send: () => T): T {
  return live.run(true, send)
}

/** Whether the current request is one msw-cassette sends itself. */
export function isSendingLive(): boolean {
  return live.getStore() === true
}
