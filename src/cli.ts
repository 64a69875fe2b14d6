#!/usr/bin/env node
import { runCli } from './cli/run-cli.js'

// `npx msw-cassette scan|redact [paths]`: the command line entry; the logic is in cli/.
process.exitCode = runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
})
