import { setupServer } from 'msw/node'
import { configure, resetConfiguration } from 'msw-cassette'
import { useCassette } from 'msw-cassette/vitest'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { expectRefusedByStrictServer, listenStrictly } from './support/client.js'

// The user's own server, set up the way msw's docs recommend: unhandled requests are errors and
// every test ends with `resetHandlers()`, which removes the cassette's runtime handler.
const server = setupServer()
beforeAll(() => listenStrictly(server))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const whoami = async (): Promise<unknown> => (await fetch('https://api.example.test/whoami')).json()

describe('useCassette(name, { server })', () => {
  const handle = useCassette('concurrent/tenant-00', { server })

  test('answers on the given server', async () => {
    expect(await whoami()).toEqual({ tenant: 'tenant-00' })
    expect(server.listHandlers()).toHaveLength(1)
  })

  test('answers again after the previous test reset the handlers', async () => {
    expect(await whoami()).toEqual({ tenant: 'tenant-00' })
    expect(handle.unused().map((interaction) => interaction.id)).toEqual([1])
  })
})

describe('configure({ server })', () => {
  configure({ server })
  useCassette('concurrent/tenant-01')
  resetConfiguration()

  test('useCassette uses the configured server', async () => {
    expect(await whoami()).toEqual({ tenant: 'tenant-01' })
    expect(server.listHandlers()).toHaveLength(1)
  })
})

describe('after the blocks with cassettes', () => {
  test('the server no longer answers from them', async () => {
    await expectRefusedByStrictServer(whoami())
  })
})
