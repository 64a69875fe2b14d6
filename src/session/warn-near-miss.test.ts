import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { warnNearMiss } from './warn-near-miss.js'

const dir = mkdtempSync(join(tmpdir(), 'msw-cassette-near-'))
mkdirSync(join(dir, 'chat'))
writeFileSync(join(dir, 'chat', 'polling.yaml'), 'version: 2\ninteractions: []\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('a name one typo away from an existing cassette is called out', () => {
  const lines: string[] = []
  warnNearMiss(join(dir, 'chat', 'pollin.yaml'), dir, (line) => lines.push(line))
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain('Did you mean "chat/polling"?')
  expect(lines[0]).toContain('go to the network')
})

test('a new name unlike any existing cassette records quietly', () => {
  const lines: string[] = []
  warnNearMiss(join(dir, 'billing', 'refunds.yaml'), dir, (line) => lines.push(line))
  expect(lines).toEqual([])
})
