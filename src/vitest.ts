import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createUseCassette } from './runner/use-cassette.js'

export type { UseCassetteOptions } from './options/types.js'
export { withCassette } from './runner/with-cassette.js'
export type { CassetteHandle } from './session/handle.js'

/**
 * Makes a cassette answer every request of the tests in this file, or in the enclosing
 * `describe` block. Starts an msw server when not given one, resets which interactions are
 * used before each test, and removes the cassette after the block.
 *
 * @param name - Cassette name (`fixtures/<name>.yaml`), path, or loaded cassette.
 * @param options - Cassette options, plus `server` to use your own msw server.
 * @example
 * import { useCassette } from 'msw-cassette/vitest'
 * useCassette('simple_object_streaming')
 */
export const useCassette = createUseCassette({ beforeAll, afterAll, beforeEach, afterEach })
