import { parseGoDuration } from './parse-duration.js'
import type { Interaction } from './types.js'

/**
 * The response key msw-cassette records per-piece timing in: a list of Go durations, one per
 * SSE event or NDJSON line, each the time from the response headers to that piece's arrival.
 * go-vcr's YAML decoder skips keys its structs lack, so Go reads such files unchanged (and
 * drops the key if it saves them again).
 */
export const EVENT_TIMES_KEY = 'event_times'

/**
 * The response key with the size of each piece, in bytes, for a body that is neither SSE nor
 * NDJSON but came in pieces (a chunked download): replay cuts the body there.
 */
export const EVENT_SIZES_KEY = 'event_sizes'

const cache = new WeakMap<Interaction, readonly number[] | null>()
const sizesCache = new WeakMap<Interaction, readonly number[] | null>()

/**
 * Where to cut a body that is neither SSE nor NDJSON, as recorded: each piece's size in bytes,
 * or `undefined` when none were recorded or they do not add up to the body.
 *
 * @param bodyLength - The body's length in bytes.
 */
export function recordedChunkSizes(
  interaction: Interaction,
  bodyLength: number,
): readonly number[] | undefined {
  let sizes = sizesCache.get(interaction)
  if (sizes === undefined) {
    sizes = parseSizes(interaction.response.extra[EVENT_SIZES_KEY], bodyLength) ?? null
    sizesCache.set(interaction, sizes)
  }
  return sizes ?? undefined
}

function parseSizes(value: unknown, bodyLength: number): number[] | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined
  const sizes: number[] = []
  for (const item of value) {
    // The reader keeps list items as text, as Go would read them into strings.
    const size = typeof item === 'number' ? item : Number(item)
    if (!Number.isSafeInteger(size) || size < 0) return undefined
    sizes.push(size)
  }
  return sizes.reduce((sum, size) => sum + size, 0) === bodyLength ? sizes : undefined
}

/**
 * The recorded arrival times of an interaction's pieces, in ms after the headers, or
 * `undefined` when the cassette has none (Go wrote it) or they do not parse.
 */
export function recordedEventTimes(interaction: Interaction): readonly number[] | undefined {
  let times = cache.get(interaction)
  if (times === undefined) {
    times = parseTimes(interaction.response.extra[EVENT_TIMES_KEY]) ?? null
    cache.set(interaction, times)
  }
  return times ?? undefined
}

function parseTimes(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined
  const times: number[] = []
  for (const item of value) {
    const ms = typeof item === 'string' ? parseGoDuration(item) : undefined
    // A hand-edited list that does not parse plays without per-event waits rather than failing.
    if (ms === undefined || ms < 0) return undefined
    times.push(ms)
  }
  return times
}
