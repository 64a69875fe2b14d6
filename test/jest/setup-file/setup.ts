// A jest `setupFilesAfterEnv` file, as the README shows it: the package is imported by name, so
// jest loads the CommonJS build from dist/ through the package's exports map.
import { afterAll, afterEach, beforeAll } from '@jest/globals'
import { setupServer } from 'msw/node'
import { fromCassette, releaseResponseCopies } from 'msw-cassette'

export const handlers = fromCassette('simple_object_streaming')
export const server = setupServer(...handlers)
releaseResponseCopies(server) // lets `reader.cancel()` and `for await ... break` settle

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  try {
    handlers.verify() // fails the test on a miss, even one the code under test swallowed
  } finally {
    handlers.reset() // every test starts with every interaction unused
  }
})
afterAll(() => server.close())
