import type { Interaction } from '../cassette/types.js'
import type { Fault, IncomingRequest } from '../options/types.js'

interface Armed {
  fault: Fault
  /** Requests it still applies to. */
  left: number
}

/**
 * The faults of one cassette and how many requests each still applies to. The declared ones
 * (the `faults` option) are armed again on every reset; faults added for the current test are
 * dropped then.
 */
export class FaultQueue {
  private readonly declared: readonly Fault[]
  // Faults added for this test, in call order, then the declared ones: a test's own fault
  // wins over the file-wide default.
  private added: Armed[] = []
  private armed: Armed[] = []

  constructor(declared: readonly Fault[]) {
    this.declared = declared
    this.reset()
  }

  /** Arms a fault for the next matching requests of the current test. */
  add(fault: Fault): void {
    this.added.push(arm(fault))
  }

  /**
   * The fault for a request the cassette answers with `interaction`, counted as applied: the
   * first armed one whose `when` accepts it: those added for this test first, in call order,
   * then the declared ones.
   */
  take(request: IncomingRequest, interaction: Interaction): Fault | undefined {
    if (this.added.length === 0 && this.armed.length === 0) return undefined
    const applies = (armed: Armed) =>
      armed.left > 0 && (armed.fault.when?.(request, interaction) ?? true)
    const found = this.added.find(applies) ?? this.armed.find(applies)
    if (!found) return undefined
    found.left--
    return found.fault
  }

  /** Re-arms the declared faults and drops the rest. */
  reset(): void {
    this.added = []
    this.armed = this.declared.map(arm)
  }
}

/** Whether a fault answers instead of the recording, leaving the interaction unused. */
export function answersInstead(fault: Fault | undefined): boolean {
  return fault?.status !== undefined || fault?.networkError !== undefined
}

function arm(fault: Fault): Armed {
  const times = fault.times ?? 1
  return { fault, left: times === 'all' ? Number.POSITIVE_INFINITY : times }
}
