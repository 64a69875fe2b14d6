import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { tempPathIn } from '../cassette/temp-files.js'
import { createRedactor, type Redactor } from '../secrets/redactor.js'
import { cassetteFiles } from './cassette-files.js'
import { redactInPlace } from './redact-in-place.js'
import { scanCassette } from './scan-cassette.js'

/** Where the command line writes, and what it reads credentials from. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  env: NodeJS.ProcessEnv
}

const USAGE = `Usage: msw-cassette <scan|redact> [paths...] [--allow <name>]...

  scan     report every secret in the cassettes (file, interaction, field; never the secret)
           exit code 1 when one is found: fit for a pre-commit hook and CI
  redact   replace them by [REDACTED] in place, rewriting only the affected values

  paths    cassette files or folders (searched for .yaml/.yml); default: the current folder
  --allow  a header or parameter name the default rule calls secret that is not (repeatable)`

/**
 * Runs `msw-cassette scan|redact [paths]` and returns the exit code: 0 clean, 1 secrets found
 * (scan) or left (redact), 2 wrong usage. Arguments are parsed by `node:util`'s `parseArgs`.
 *
 * @param args - The arguments after the program name.
 */
export function runCli(args: readonly string[], io: CliIo): number {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    io.err(`msw-cassette: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const [command, ...paths] = parsed.positionals
  if (parsed.values.help) {
    io.out(USAGE)
    return 0
  }
  if (command !== 'scan' && command !== 'redact') {
    io.err(
      `msw-cassette: ${command === undefined ? 'no command given' : `unknown command "${command}"`}\n${USAGE}`,
    )
    return 2
  }
  const redactor = createRedactor({ allow: parsed.values.allow ?? [] }, io.env)
  let files: string[]
  try {
    files = cassetteFiles(paths)
  } catch (error) {
    io.err(`msw-cassette: ${(error as Error).message}`)
    return 2
  }
  return command === 'scan' ? scan(files, redactor, io) : redact(files, redactor, io)
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { allow: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  })
}

function scan(files: readonly string[], redactor: Redactor, io: CliIo): number {
  let found = 0
  let affected = 0
  let cassettes = 0
  let skipped = 0
  for (const file of files) {
    const result = scanCassette(readFileSync(file, 'utf8'), file, redactor)
    if (result.kind === 'skipped') {
      // Not silent: a broken cassette could hold secrets this scan never saw.
      skipped++
      io.err(`${file}: not scanned: ${result.reason}`)
      continue
    }
    cassettes++
    if (result.findings.length > 0) affected++
    for (const { interaction, finding } of result.findings) {
      found++
      io.out(`${file}: interaction ${interaction}: ${finding.field}: ${finding.kind}`)
    }
  }
  const unread =
    skipped === 0 ? '' : `; ${skipped} file${skipped === 1 ? '' : 's'} not scanned (see above)`
  io.out(
    found === 0
      ? `msw-cassette: no secrets found in ${cassettes} cassettes${unread}.`
      : `msw-cassette: ${found} secrets in ${affected} of ${cassettes} cassettes${unread}. Run \`msw-cassette redact\` to replace them.`,
  )
  return found === 0 ? 0 : 1
}

function redact(files: readonly string[], redactor: Redactor, io: CliIo): number {
  let left = 0
  let rewritten = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const before = scanCassette(text, file, redactor)
    if (before.kind === 'skipped' || before.findings.length === 0) continue
    const result = redactInPlace(text, file, redactor)
    for (const field of result.unresolved) {
      io.err(`${file}: ${field}: cannot be redacted in place; the file is unchanged`)
    }
    if (result.text !== text) {
      // Renamed over the file, so a reader never sees it half-written.
      const temp = tempPathIn(dirname(file))
      writeFileSync(temp, result.text)
      renameSync(temp, file)
      rewritten++
      io.out(`${file}: ${result.scalars} values redacted`)
    }
    const after = scanCassette(result.text, file, redactor)
    if (after.kind === 'scanned') {
      for (const { interaction, finding } of after.findings) {
        left++
        io.err(`${file}: interaction ${interaction}: ${finding.field}: ${finding.kind} is left`)
      }
    }
  }
  io.out(`msw-cassette: ${rewritten} cassettes rewritten, ${left} secrets left.`)
  return left === 0 ? 0 : 1
}
