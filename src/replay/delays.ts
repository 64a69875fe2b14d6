import type { Interaction } from '../cassette/types.js'
import type { TimingOption } from '../options/types.js'

/** Replay delays in ms, resolved from the `timing` option for one interaction. */
export interface Delays {
  /** Before the response headers. */
  headers: number
  /** Between streamed chunks. */
  event: number
}

/** The delays the `timing` option asks for, for one interaction. */
export function resolveDelays(timing: TimingOption, interaction: Interaction): Delays {
  if (timing === 'instant') return { headers: 0, event: 0 }
  if (timing === 'recorded') return { headers: interaction.response.durationMs, event: 0 }
  const headers =
    timing.headersDelayMs === 'recorded'
      ? interaction.response.durationMs
      : (timing.headersDelayMs ?? 0)
  return { headers, event: timing.eventDelayMs ?? 0 }
}
