// A jest `setupFilesAfterEnv` file, as a user writes it: the package is imported by name, so jest
// loads the CommonJS build from dist/ through the package's exports map.
import { afterAll, afterEach, beforeAll } from '@jest/globals'

import { setupServer } from 'msw/node'
import { fromCassette } from 'msw-cassette'

const handlers = fromCassette('simple_object_streaming')
export const server = setupServer(...handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => handlers.reset())
afterAll(() => server.close())
