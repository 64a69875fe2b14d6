import { recordedEventTimes } from '../cassette/event-times.js'
import type { Interaction } from '../cassette/types.js'
import type { TimingOption } from '../options/types.js'

/** Replay delays in ms, resolved from the `timing` option for one interaction. */
export interface Delays {
  /** Before the response headers. */
  headers: number
  /**
   * A number: the wait before every streamed chunk after the first. A list: the wait before
   * each chunk, the first included (the recorded pace); used only when it has one entry per
   * chunk.
   */
  events: number | readonly number[]
}

/** The delays the `timing` option asks for, for one interaction. */
export function resolveDelays(timing: TimingOption, interaction: Interaction): Delays {
  if (timing === 'instant') return { headers: 0, events: 0 }
  if (timing === 'recorded') return recordedPace(interaction, 1)
  if ('scale' in timing) return recordedPace(interaction, timing.scale)
  const headers =
    timing.headersDelayMs === 'recorded'
      ? interaction.response.durationMs
      : (timing.headersDelayMs ?? 0)
  return { headers, events: timing.eventDelayMs ?? 0 }
}

/**
 * The recorded pace times `scale`: the headers after the recorded `duration`, each piece after
 * the gap since the one before. Without recorded event times, the pieces follow at once.
 */
function recordedPace(interaction: Interaction, scale: number): Delays {
  const headers = interaction.response.durationMs * scale
  const times = recordedEventTimes(interaction)
  if (!times || scale === 0) return { headers, events: 0 }
  // Gaps, not offsets: each wait starts when the client pulls the chunk before it.
  const events = times.map((time, at) => Math.max(0, time - (times[at - 1] ?? 0)) * scale)
  return { headers, events }
}
