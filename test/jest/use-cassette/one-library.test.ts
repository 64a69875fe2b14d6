// jest loads `msw-cassette` and `msw-cassette/jest` from the CommonJS build in dist/. They must be
// one library: one set of settings, one set of error classes, one msw server. When each entry
// carried its own copy, `configure` from the root was ignored by `/jest`, misses were not
// `instanceof` the root's classes, and the root's `withCassette` fought `/jest`'s server.
import { afterAll, expect, jest, test } from '@jest/globals'
import {
  CassetteError,
  configure,
  resetConfiguration,
  UnmatchedRequestError,
  withCassette as withCassetteFromRoot,
} from 'msw-cassette'
import { useCassette, withCassette } from 'msw-cassette/jest'

configure({ dir: 'fixtures/concurrent' })
afterAll(() => resetConfiguration())

// Found only through the root's `configure({ dir })`. `replay` keeps a broken build from
// recording from the network: the name would then be an error, not a download.
const handle = useCassette('tenant-03', { mode: 'replay' })

test('configure from msw-cassette is seen by useCassette from msw-cassette/jest', async () => {
  const response = await fetch('https://api.example.test/whoami')
  expect(await response.json()).toEqual({ tenant: 'tenant-03' })
})

test('a miss through msw-cassette/jest is an instance of the error classes of msw-cassette', async () => {
  // msw prints the handler's error too; the test wants only the error object.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  await fetch('https://api.example.test/not-recorded').catch(() => undefined)
  quiet.mockRestore()
  const [miss] = handle.takeMisses()
  expect(miss?.error).toBeInstanceOf(UnmatchedRequestError)
  expect(miss?.error).toBeInstanceOf(CassetteError)
})

test('withCassette from msw-cassette works beside useCassette from msw-cassette/jest', async () => {
  expect(withCassetteFromRoot).toBe(withCassette)
  await withCassetteFromRoot('tenant-05', { mode: 'replay' }, async () => {
    const response = await fetch('https://api.example.test/whoami')
    expect(await response.json()).toEqual({ tenant: 'tenant-05' })
  })
})
