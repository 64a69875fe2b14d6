import { concatBytes } from '../http/concat-bytes.js'
/** What a recorded stream delivered. */
export interface StreamRecord {
  /** Every byte read from the server, in order. */
  bytes: Uint8Array
  /** The client stopped reading (cancelled or aborted) before the server finished; the bytes are complete anyway. */
  cut: boolean
  /** Each chunk read from the server: its size in bytes, and when it arrived (`performance.now()`). */
  arrivals: ChunkArrival[]
}

/** One chunk read from the server. */
export interface ChunkArrival {
  /** Its size in bytes. */
  size: number
  /** When it arrived, on the `performance.now()` clock. */
  at: number
}

/**
 * Passes a response body through to the client while keeping a copy of every chunk. The
 * server is read as fast as it sends, whether or not the client reads: each chunk is handed
 * on the moment it arrives (an SSE event reaches the test while later ones are still being
 * generated), and the recording completes even for a client that never reads the body. A
 * client that cancels or aborts stops receiving, but the server is still read to its end, so
 * the cassette holds the whole response, never the part one test happened to read.
 *
 * @param source - The live body; it must not follow the client's abort signal.
 * @returns The stream for the client, and the recording, settled when the body ends; it rejects
 *   when the server's stream breaks.
 */
export function recordStream(source: ReadableStream<Uint8Array>): {
  stream: ReadableStream<Uint8Array>
  done: Promise<StreamRecord>
} {
  const reader = source.getReader()
  const chunks: Uint8Array[] = []
  const arrivals: ChunkArrival[] = []
  let cut = false
  let settle: { resolve(record: StreamRecord): void; reject(error: unknown): void } | undefined
  const done = new Promise<StreamRecord>((resolve, reject) => {
    settle = { resolve, reject }
  })
  const finish = () => settle?.resolve({ bytes: concatBytes(chunks), cut, arrivals })
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const pump = async (): Promise<void> => {
        try {
          for (let read = await reader.read(); !read.done; read = await reader.read()) {
            // The copy is the recording's own: the client may transfer or reuse its chunk.
            chunks.push(read.value.slice())
            arrivals.push({ size: read.value.byteLength, at: performance.now() })
            if (!cut) controller.enqueue(read.value)
          }
          if (!cut) controller.close()
          finish()
        } catch (error) {
          if (!cut) controller.error(error)
          settle?.reject(error)
        }
      }
      void pump()
    },
    cancel() {
      // Not passed on upstream: the rest of the response is still read and recorded.
      cut = true
    },
  })
  return { stream, done }
}
