/**
 * Shortens a long value for a message, keeping the part around `at` (where two values start to
 * differ) so the difference stays visible.
 *
 * @param text - The value.
 * @param at - Index of the first difference; default 0.
 * @param width - Characters kept at most; default 80.
 */
export function shorten(text: string, at = 0, width = 80): string {
  if (text.length <= width) return text
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), text.length - width))
  const end = start + width
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}

/** Index of the first character at which two strings differ (the shorter length if one is a prefix). */
export function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i
  return length
}

/** Shortens both values around their first difference, for a recorded/sent pair. */
export function shortenPair(recorded: string, sent: string, width = 80): [string, string] {
  const at = firstDifference(recorded, sent)
  return [shorten(recorded, at, width), shorten(sent, at, width)]
}
