/**
 * Resolves after a turn of the event loop: after pending I/O, so bytes written to a socket in
 * this turn go out as their own packet. Built on `MessageChannel`, which Node, browsers and
 * happy-dom have, and on `setTimeout(0)` where it is missing (jsdom); never on `setImmediate`,
 * which only Node has.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const port = channel()
    if (!port) {
      setTimeout(resolve, 0)
      return
    }
    // Node lets a process exit while a port is unreferenced: hold it only while someone waits.
    if (waiting.length === 0) receiver?.ref?.()
    waiting.push(resolve)
    port.postMessage(undefined)
  })
}

/** A `MessagePort`, with Node's `ref`/`unref` where they exist. */
type Port = MessagePort & { ref?: () => void; unref?: () => void }

// One channel for every stream: each message wakes the oldest waiter, in order.
const waiting: (() => void)[] = []
let receiver: Port | undefined
let sender: Port | undefined | null

function channel(): Port | undefined {
  if (sender === null) return undefined
  if (sender) return sender
  if (typeof MessageChannel !== 'function') {
    sender = null
    return undefined
  }
  const { port1, port2 } = new MessageChannel()
  receiver = port2 as Port
  receiver.onmessage = () => {
    waiting.shift()?.()
    if (waiting.length === 0) receiver?.unref?.()
  }
  receiver.unref?.()
  sender = port1 as Port
  return sender
}
