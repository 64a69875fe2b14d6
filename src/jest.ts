import { CassetteOptionsError } from './errors/cassette-options-error.js'
import { formatMessage } from './errors/message.js'
import { createUseCassette, type RunnerHooks } from './runner/use-cassette.js'

export type { UseCassetteOptions } from './options/types.js'
export { withCassette } from './runner/with-cassette.js'
export type { CassetteHandle } from './session/handle.js'

type Hook = (fn: () => void) => void

// jest injects its hooks as globals; reading them per call keeps this module importable from a
// jest setup file before the test framework is installed.
function hook(name: keyof RunnerHooks): Hook {
  return (fn) => {
    const found = (globalThis as Record<string, unknown>)[name]
    if (typeof found !== 'function') {
      throw new CassetteOptionsError(
        formatMessage({
          problem: `useCassette from msw-cassette/jest: the jest global \`${name}\` is missing`,
          hint: "Call useCassette in a test file (not a config file), and keep jest's `injectGlobals` on.",
        }),
      )
    }
    ;(found as Hook)(fn)
  }
}

/**
 * Makes a cassette answer every request of the tests in this file, or in the enclosing
 * `describe` block, on jest's hooks. Same behaviour as `msw-cassette/vitest`.
 *
 * @example
 * import { useCassette } from 'msw-cassette/jest'
 * useCassette('simple_object_streaming')
 */
export const useCassette = createUseCassette({
  beforeAll: hook('beforeAll'),
  afterAll: hook('afterAll'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
})
