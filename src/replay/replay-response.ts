import type { Interaction } from '../cassette/types.js'
import type { Fault, TimingOption } from '../options/types.js'
import { abortableDelay } from './abort-reason.js'
import { buildResponse } from './build-response.js'
import type { BrokenEnd } from './chunk-stream.js'
import { clientKind } from './client-kind.js'
import { resolveDelays } from './delays.js'
import { networkError } from './network-errors.js'
import { statusResponse } from './status-response.js'

/**
 * The answer to a request the cassette matched: the recording at the pace `timing` asks for,
 * changed by `fault` when one applies. A `status` or `networkError` fault answers instead of
 * the recording (after its own `delayHeadersMs` only: the recorded time belongs to the
 * recording); the others play the recording and break it.
 *
 * @param interaction - The interaction that matched.
 * @param request - The intercepted request: its signal ends waits and streams; its client
 *   decides the shape of a network error.
 * @param timing - The `timing` option.
 * @param fault - The fault for this request, if any.
 * @throws The simulated network error, for a `networkError` fault.
 */
export async function replayResponse(
  interaction: Interaction,
  request: Request,
  timing: TimingOption,
  fault?: Fault,
): Promise<Response> {
  const { signal } = request
  const answersInstead = fault?.status !== undefined || fault?.networkError !== undefined
  const delays = resolveDelays(answersInstead ? 'instant' : timing, interaction)
  const wait = delays.headers + (fault?.delayHeadersMs ?? 0)
  if (wait > 0) await abortableDelay(wait, signal)
  if (fault?.networkError !== undefined) {
    throw networkError(fault.networkError, new URL(request.url), clientKind(request))
  }
  if (fault?.status !== undefined) return statusResponse(fault.status, fault.headers, fault.body)
  return buildResponse(interaction, delays.events, signal, brokenEnd(fault))
}

function brokenEnd(fault: Fault | undefined): BrokenEnd | undefined {
  if (fault?.cutAfter !== undefined) return { after: fault.cutAfter, how: 'cut' }
  if (fault?.stallAfter !== undefined) return { after: fault.stallAfter, how: 'stall' }
  return undefined
}
