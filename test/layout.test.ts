import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

// The flow of the library, bottom to top. A folder may import from folders below it, never from
// one above or beside it (same rank), so there is no circle and every import runs down.
const RANK: Record<string, number> = {
  errors: 0,
  http: 1,
  json: 1,
  cassette: 2,
  options: 3,
  secrets: 4,
  match: 5,
  replay: 6,
  record: 6,
  session: 7,
  msw: 8,
  transport: 9,
  runner: 10,
  cli: 11,
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /(?<!\.test)\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

test('every folder of src/ has a place in the flow', () => {
  const folders = readdirSync('src', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
  expect(folders.sort()).toEqual(Object.keys(RANK).sort())
})

test('imports between folders only run down the flow', () => {
  const upward: string[] = []
  for (const file of sourceFiles('src')) {
    const [, folder] = file.split('/')
    if (folder === undefined || !(folder in RANK)) continue
    for (const match of readFileSync(file, 'utf8').matchAll(/from '\.\.\/([a-z-]+)\//g)) {
      const target = match[1] ?? ''
      const ok = target === folder || (RANK[target] ?? Infinity) < (RANK[folder] ?? -1)
      if (!ok) upward.push(`${file} imports ${target}/`)
    }
  }
  expect(upward).toEqual([])
})
