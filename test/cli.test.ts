import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { runCli } from '../src/cli/run-cli.js'

const OPENAI = 'sk-proj-Zq8Wv3Nx6Ty1Ub4Rc7Md0Le5Kf9Jg2Hh'
const GOOGLE = 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'
const temp = mkdtempSync(join(tmpdir(), 'msw-cassette-cli-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function run(...args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
  })
  return { code, out, err }
}

// Secrets in every style a cassette holds text: plain, single- and double-quoted, a literal
// SSE block, a flow list; and a comment and odd spacing that must survive byte for byte.
const LEAKY = `---
version: 2
interactions:
- id: 0
  request:
    # recorded by hand, keep this comment
    body: "{\\"key\\":\\"${GOOGLE}\\"}"
    headers:
      Authorization: [Bearer ${OPENAI}]
      X-Goog-Api-Key:
      - '${GOOGLE}'
      Content-Type:   [application/json]
    url: https://x.test/v1?key=${GOOGLE}&q=1
    method: POST
  response:
    body: |+
      data: {"echo":"${OPENAI}"}

    headers: {Content-Type: [text/event-stream]}
    status: 200 OK
    code: 200
    duration: 1ms
`

describe('msw-cassette scan', () => {
  test('reports file, interaction, field and kind, never the secret, and exits 1', () => {
    const file = join(temp, 'leaky.yaml')
    writeFileSync(file, LEAKY)
    const { code, out } = run('scan', temp)
    expect(code).toBe(1)
    const text = out.join('\n')
    expect(text).toContain(`${file}: interaction 0: request.headers.Authorization: secret header`)
    expect(text).toContain(`${file}: interaction 0: request.body: Google API key`)
    expect(text).toContain(`${file}: interaction 0: response.body: OpenAI key`)
    expect(text).toContain(`${file}: interaction 0: request.url: Google API key`)
    expect(text).not.toContain(OPENAI)
    expect(text).not.toContain(GOOGLE)
  })

  test('exits 0 on clean cassettes, and 2 on a wrong command', () => {
    const clean = join(temp, 'clean')
    cpSync('fixtures/simple_object_streaming.yaml', join(clean, 'a.yaml'))
    expect(run('scan', clean)).toMatchObject({ code: 0 })
    expect(run('scrub', clean)).toMatchObject({ code: 2 })
  })

  test('names every file it could not read as a cassette, with the reason', () => {
    const folder = join(temp, 'mixed')
    cpSync('fixtures/simple_object_streaming.yaml', join(folder, 'a.yaml'))
    writeFileSync(
      join(folder, 'broken.yaml'),
      'version: 2\ninteractions:\n  - request: {url: "x"\n',
    )
    const result = run('scan', folder)
    expect(result.err).toEqual([
      expect.stringMatching(/broken\.yaml: not scanned: .*YAML syntax error at line 4/),
    ])
    expect(result.out.at(-1)).toBe(
      'msw-cassette: no secrets found in 1 cassettes; 1 file not scanned (see above).',
    )
  })
})

describe('msw-cassette redact', () => {
  test('rewrites only the secret values; every other byte stays', () => {
    const file = join(temp, 'redact', 'leaky.yaml')
    cpSync(join(temp, 'leaky.yaml'), file)
    const { code } = run('redact', file)
    expect(code).toBe(0)
    const after = readFileSync(file, 'utf8')
    expect(after).toBe(
      LEAKY.replaceAll(`Bearer ${OPENAI}`, "'[REDACTED]'")
        .replaceAll(`'${GOOGLE}'`, "'[REDACTED]'")
        .replaceAll(OPENAI, '[REDACTED]')
        .replace(
          `url: https://x.test/v1?key=${GOOGLE}&q=1`,
          "url: 'https://x.test/v1?key=[REDACTED]&q=1'",
        )
        .replaceAll(GOOGLE, '[REDACTED]'),
    )
    expect(run('scan', file)).toMatchObject({ code: 0 })
  })
})

const CORPUS = join(import.meta.dirname, '../../shared/corpus')

describe.skipIf(!existsSync(CORPUS))('on a copy of ../shared/corpus', () => {
  test('scan finds what redact removes, and redact touches only those lines', () => {
    const copy = join(temp, 'corpus')
    cpSync(CORPUS, copy, { recursive: true })
    const scan = run('scan', copy)
    expect(scan.code).toBe(1)
    expect(scan.out.at(-1)).toMatch(/^msw-cassette: \d+ secrets in \d+ of \d+ cassettes/)
    const redact = run('redact', copy)
    // redact scans each file it rewrote again: nothing is left, nothing was unresolved.
    expect(redact.err).toEqual([])
    expect(redact.code).toBe(0)
    expect(redact.out.at(-1)).toMatch(/cassettes rewritten, 0 secrets left/)
    for (const line of redact.out.slice(0, -1)) {
      const file = line.slice(0, line.lastIndexOf(': '))
      const before = readFileSync(join(CORPUS, file.slice(copy.length)), 'utf8').split('\n')
      const after = readFileSync(file, 'utf8').split('\n')
      expect(after).toHaveLength(before.length)
      const changed = after.filter((text, at) => text !== before[at])
      expect(changed.length).toBeGreaterThan(0)
      for (const text of changed) expect(text).toContain('[REDACTED]')
    }
  }, 120_000)
})

test.runIf(!existsSync(CORPUS))('corpus checks skipped: ../shared/corpus is absent', () => {
  expect(existsSync(CORPUS)).toBe(false)
})
