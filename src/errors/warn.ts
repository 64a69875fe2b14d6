import { formatMessage, type MessageParts } from './message.js'

/** Where warnings go: one line (or block) of text each. */
export type WarningSink = (text: string) => void

/**
 * The one channel for warnings: `console.warn`, which test runners attribute to the running
 * test and users can spy on or silence.
 *
 * @returns The text written.
 */
export function warn(parts: MessageParts, sink: WarningSink = console.warn): string {
  const text = formatMessage(parts)
  sink(text)
  return text
}
