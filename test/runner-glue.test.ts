import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { useCassette } from 'msw-cassette/vitest'
import { describe, expect, test } from 'vitest'

const run = promisify(execFile)

interface Report {
  testResults: {
    assertionResults: { title: string; status: string; failureMessages: string[] }[]
  }[]
}

/** Runs sample test files in a child vitest and returns its JSON report. */
async function runVitest(file: string): Promise<Report> {
  const args = ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts', '--reporter=json', file]
  const result = await run('npx', args, {
    cwd: process.cwd(),
    env: { ...process.env, CI: '1' },
  }).catch((error: { stdout: string }) => error)
  return JSON.parse(result.stdout) as Report
}

describe('the runner glue fails a test from its after-hook', () => {
  test('when the code under test swallowed the failed request', { timeout: 60_000 }, async () => {
    const report = await runVitest('test/e2e/swallowed-miss.e2e.ts')
    const [swallowed, later] = report.testResults[0]?.assertionResults ?? []
    expect(swallowed?.status).toBe('failed')
    const message = swallowed?.failureMessages.join('\n') ?? ''
    expect(message).toContain('no unused recorded interaction matches the request')
    expect(message).toContain('cassette: fixtures/explain/chat.yaml')
    expect(message).toContain('GET https://api.openai.com/v1/jobs/7')
    expect(message).toContain('path: recorded /v1/jobs/42, sent /v1/jobs/7')
    expect(later?.status).toBe('passed')
  })

  test('with strict, when recorded interactions were never requested', {
    timeout: 60_000,
  }, async () => {
    const report = await runVitest('test/e2e/strict-unused.e2e.ts')
    const [only] = report.testResults[0]?.assertionResults ?? []
    expect(only?.status).toBe('failed')
    const message = only?.failureMessages.join('\n') ?? ''
    expect(message).toContain('5 recorded interactions were never requested (strict mode)')
    expect(message).toContain('cassette: fixtures/explain/chat.yaml')
    expect(message).toContain('#0 POST https://api.openai.com/v1/chat/completions')
    expect(message).toContain('#3 PUT https://api.openai.com/v1/echo')
  })
})

describe('isolation between describe blocks', () => {
  describe('tenant 00', () => {
    const handle = useCassette('concurrent/tenant-00')
    test('answers from its own cassette', async () => {
      expect(await (await fetch('https://api.example.test/whoami')).json()).toEqual({
        tenant: 'tenant-00',
      })
    })
    test('used state is reset before each test', async () => {
      expect(await (await fetch('https://api.example.test/whoami')).json()).toEqual({
        tenant: 'tenant-00',
      })
      expect(handle.unused().map((interaction) => interaction.id)).toEqual([1])
    })
  })

  describe('tenant 01', () => {
    useCassette('concurrent/tenant-01')
    test('never sees the interactions of the block before', async () => {
      expect(await (await fetch('https://api.example.test/whoami')).json()).toEqual({
        tenant: 'tenant-01',
      })
    })
  })

  describe('a block inside a block', () => {
    useCassette('concurrent/tenant-02')
    describe('with its own cassette', () => {
      const inner = useCassette('explain/chat')
      test('answers from the inner cassette first, then the outer one', async () => {
        expect(await (await fetch('https://api.openai.com/v1/jobs/42')).json()).toEqual({
          status: 'pending',
        })
        expect(await (await fetch('https://api.example.test/whoami')).json()).toEqual({
          tenant: 'tenant-02',
        })
        expect(inner.misses).toHaveLength(0)
      })
    })
  })
})
