import { parseGoDuration } from './parse-duration.js'
import type { Interaction } from './types.js'

/**
 * The response key msw-cassette records per-piece timing in: a list of Go durations, one per
 * SSE event or NDJSON line, each the time from the response headers to that piece's arrival.
 * go-vcr's YAML decoder skips keys its structs lack, so Go reads such files unchanged (and
 * drops the key if it saves them again).
 */
export const EVENT_TIMES_KEY = 'event_times'

const cache = new WeakMap<Interaction, readonly number[] | null>()

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
