import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { createParseCache, defaultParseCache } from './parse-cache.js'
import { clearCassetteCache, readCassetteFile, useParseCache } from './read-cassette.js'

const root = mkdtempSync(join(tmpdir(), 'msw-cassette-parse-cache-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
afterEach(() => {
  useParseCache(undefined)
  clearCassetteCache()
})

const yaml = (body: string) => `---
version: 2
interactions:
- id: 0
  request:
    body: ""
    url: https://api.example.test/a
    method: GET
  response:
    body: ${body}
    headers:
      Content-Type:
      - text/plain
    status: 200 OK
    code: 200
    duration: 1.5ms
- id: 1
  request:
    url: https://api.example.test/b
    method: GET
  response:
    body: !!binary AAEC/w==
    status: 200 OK
    code: 200
`

let counter = 0
function freshDir(): string {
  counter++
  return join(root, `cache-${counter}`)
}

describe('the disk cache of parsed cassettes', () => {
  test('a second read of the same content comes from the cache, equal to the parse', () => {
    const file = join(root, 'same.yaml')
    writeFileSync(file, yaml('hello'))
    const cache = createParseCache(freshDir(), 'build-1')
    useParseCache(cache)
    const parsed = readCassetteFile(file)
    expect(readdirSync(cache.dir)).toHaveLength(1)
    const stored = cache.get(readFileSync(file))
    expect(stored).toEqual({
      version: parsed.version,
      interactions: parsed.interactions,
      ignoredKeys: parsed.ignoredKeys,
    })
    expect(stored?.interactions[1]?.response.body).toBeInstanceOf(Uint8Array)
    clearCassetteCache()
    expect(readCassetteFile(file)).toEqual(parsed)
  })

  test('an edited cassette is parsed again, never served from the old entry', () => {
    const file = join(root, 'edited.yaml')
    writeFileSync(file, yaml('before'))
    useParseCache(createParseCache(freshDir(), 'build-1'))
    expect(readCassetteFile(file).interactions[0]?.response.body).toBe('before')
    // Same size, so only the content (and the modification time) tells them apart.
    writeFileSync(file, yaml('after!'))
    utimesSync(file, new Date(), new Date(Date.now() + 5_000))
    expect(readCassetteFile(file).interactions[0]?.response.body).toBe('after!')
  })

  test('a damaged entry is dropped and the cassette parsed again', () => {
    const file = join(root, 'damaged.yaml')
    writeFileSync(file, yaml('intact'))
    const cache = createParseCache(freshDir(), 'build-1')
    useParseCache(cache)
    readCassetteFile(file)
    const [entry] = readdirSync(cache.dir)
    const entryPath = join(cache.dir, entry ?? '')
    const bytes = readFileSync(entryPath)
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff
    writeFileSync(entryPath, bytes)
    expect(cache.get(readFileSync(file))).toBeUndefined()
    clearCassetteCache()
    expect(readCassetteFile(file).interactions[0]?.response.body).toBe('intact')
    // Parsed again and stored again, whole.
    expect(cache.get(readFileSync(file))?.interactions).toHaveLength(2)
  })

  test('a truncated entry is never served', () => {
    const file = join(root, 'truncated.yaml')
    writeFileSync(file, yaml('whole'))
    const cache = createParseCache(freshDir(), 'build-1')
    cache.set(readFileSync(file), { version: 2, interactions: [] })
    const [entry] = readdirSync(cache.dir)
    const entryPath = join(cache.dir, entry ?? '')
    writeFileSync(entryPath, readFileSync(entryPath).subarray(0, 40))
    expect(cache.get(readFileSync(file))).toBeUndefined()
  })

  test('entries of another build are not read', () => {
    const content = Buffer.from(yaml('x'))
    const dir = freshDir()
    createParseCache(dir, 'build-1').set(content, { version: 2, interactions: [] })
    expect(createParseCache(dir, 'build-2').get(content)).toBeUndefined()
    expect(createParseCache(dir, 'build-1').get(content)).toEqual({
      version: 2,
      interactions: [],
      ignoredKeys: [],
    })
  })
})

describe('which cache a process uses', () => {
  test('MSW_CASSETTE_CACHE=0 turns it off; a folder moves it', () => {
    expect(defaultParseCache('build', { MSW_CASSETTE_CACHE: '0' })).toBeUndefined()
    expect(defaultParseCache('build', { MSW_CASSETTE_CACHE: 'false' })).toBeUndefined()
    expect(defaultParseCache('build', { MSW_CASSETTE_CACHE: root })?.dir).toBe(root)
  })

  test('by default under node_modules/.cache, and off when running from the sources', () => {
    expect(defaultParseCache('build', {})?.dir).toMatch(/node_modules\/\.cache\/msw-cassette$/)
    expect(defaultParseCache(undefined, {})).toBeUndefined()
  })
})
