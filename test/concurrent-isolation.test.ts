import { setupServer } from 'msw/node'
import { withCassette } from 'msw-cassette/vitest'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { expectRefusedByStrictServer, listenStrictly } from './support/client.js'

// Twelve cassettes that record the same two requests with different answers: any cross-talk
// between concurrently running tests shows as another tenant's name.
const TENANTS = Array.from({ length: 12 }, (_, index) => `tenant-${String(index).padStart(2, '0')}`)

/** Resolves after a few ms, so the concurrent tests interleave their requests. */
const pause = (index: number) => new Promise((resolve) => setTimeout(resolve, (index * 7) % 13))

async function whoami(): Promise<unknown> {
  return (await fetch('https://api.example.test/whoami')).json()
}

async function chat(): Promise<string> {
  const response = await fetch('https://api.example.test/v1/chat', {
    method: 'POST',
    body: JSON.stringify({ question: 'who am I?' }),
  })
  return response.text()
}

describe('withCassette on the server msw-cassette starts', () => {
  for (const [index, tenant] of TENANTS.entries()) {
    test.concurrent(`${tenant} sees only its own cassette`, async () => {
      await withCassette(`concurrent/${tenant}`, async (handle) => {
        await pause(index)
        expect(await whoami()).toEqual({ tenant })
        await pause(index + 3)
        expect(await chat()).toBe(`data: {"delta":"you are"}\n\ndata: {"delta":" ${tenant}"}\n\n`)
        expect(handle.unused()).toEqual([])
      })
    })
  }
})

describe('withCassette on a user server whose afterEach resets handlers', () => {
  const server = setupServer()
  beforeAll(() => listenStrictly(server))
  // A global afterEach of the kind msw's docs recommend: it runs as each concurrent test ends,
  // while the others are still running.
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())

  for (const [index, tenant] of TENANTS.entries()) {
    test.concurrent(`${tenant} keeps its handler while other tests end`, async () => {
      await withCassette(`concurrent/${tenant}`, { server }, async () => {
        await pause(index * 2)
        expect(await whoami()).toEqual({ tenant })
        await pause(index + 5)
        expect(await chat()).toContain(`" ${tenant}"`)
      })
    })
  }
})

describe('withCassette checks its own test', () => {
  test('a miss inside fails the call even when the code swallowed it', async () => {
    const outcome = withCassette('concurrent/tenant-03', async () => {
      await fetch('https://api.example.test/unknown').catch(() => undefined)
      return 'swallowed'
    })
    await expect(outcome).rejects.toThrow(/request: {2}GET https:\/\/api\.example\.test\/unknown/)
  })

  test('strict fails when an interaction was never requested', async () => {
    const outcome = withCassette('concurrent/tenant-04', { strict: true }, async () => {
      await whoami()
    })
    await expect(outcome).rejects.toThrow(/#1 POST https:\/\/api\.example\.test\/v1\/chat/)
  })

  test('requests outside any cassette are not answered by one that ended', async () => {
    await withCassette('concurrent/tenant-05', async () => {
      expect(await whoami()).toEqual({ tenant: 'tenant-05' })
    })
    const server = setupServer()
    listenStrictly(server)
    try {
      await expectRefusedByStrictServer(whoami())
    } finally {
      server.close()
    }
  })
})
