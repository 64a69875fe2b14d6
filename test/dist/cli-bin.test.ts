import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'

const BIN = JSON.parse(readFileSync('package.json', 'utf8')).bin['msw-cassette'] as string
const temp = mkdtempSync(join(tmpdir(), 'msw-cassette-bin-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

test('the package bin scans and redacts, with exit codes for hooks and CI', () => {
  const file = join(temp, 'leak.yaml')
  writeFileSync(
    file,
    'version: 2\ninteractions:\n- request:\n    url: https://x.test/?key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q\n    method: GET\n  response:\n    body: ok\n    status: 200 OK\n    code: 200\n',
  )
  const run = (command: string) =>
    spawnSync(process.execPath, [BIN, command, temp], { encoding: 'utf8', env: {} })
  const scan = run('scan')
  expect(scan.status).toBe(1)
  expect(scan.stdout).toContain(`${file}: interaction 0: request.url: Google API key`)
  expect(scan.stdout).not.toContain('AIzaSy')
  expect(run('redact').status).toBe(0)
  expect(readFileSync(file, 'utf8')).toContain("url: 'https://x.test/?key=[REDACTED]'")
  expect(run('scan').status).toBe(0)
})
