const QUOTED_START = /^( *)(?:- )?(?:[^\s'"#][^:]*: +)?(['"])/

/**
 * Re-indents the continuation lines of multi-line quoted scalars that sit at or left of
 * their key, returning the repaired text, or `undefined` when nothing needed repair.
 *
 * Go's yaml.v2 (go-vcr v1 and v2) wrote long JSON bodies as quoted scalars folded across lines
 * and accepted a closing line such as `    }'` at the key's own indentation; YAML 1.2 parsers
 * reject it. Leading white space of a quoted scalar's continuation lines is folded away, so
 * indenting them further changes no value.
 */
export function repairQuotedIndentation(text: string): string | undefined {
  const lines = text.split('\n')
  let changed = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const start = QUOTED_START.exec(line)
    if (!start) continue
    const indent = (start[1] ?? '').length
    const quote = start[2] as "'" | '"'
    let open = !closesOn(line.slice(start[0].length), quote)
    const minimum = ' '.repeat(indent + 1)
    while (open && i + 1 < lines.length) {
      i++
      const next = lines[i] ?? ''
      if (next.trim() !== '' && !next.startsWith(minimum)) {
        lines[i] = minimum + next.trimStart()
        changed = true
      }
      open = !closesOn(next, quote)
    }
  }
  return changed ? lines.join('\n') : undefined
}

/** Whether a quoted scalar that is open at the start of `rest` closes within it. */
function closesOn(rest: string, quote: "'" | '"'): boolean {
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i]
    if (quote === '"' && char === '\\') {
      i++
    } else if (char === quote) {
      if (quote === "'" && rest[i + 1] === "'") i++
      else return true
    }
  }
  return false
}
