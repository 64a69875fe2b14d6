import { createRequire } from 'node:module'
import os from 'node:os'

/** The median of a list of numbers (the upper one of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** `min-max` of a list of numbers, rounded, to show a median's spread. */
export function spread(values, digits = 0) {
  return `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`
}

/** The machine a figure came from: Node, msw, CPU model and count, and the load when it ran. */
export function machine() {
  const require = createRequire(import.meta.url)
  const cpus = os.cpus()
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')
  return `Node ${process.version}, msw ${require('msw/package.json').version}, ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}, load average ${load}`
}
