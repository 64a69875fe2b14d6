import type { CassetteOptions } from './options.js'

/**
 * Every default in one place. `dir` is resolved against the working directory when a name is
 * resolved, so a test runner's `cwd` decides where `fixtures` is.
 */
export const DEFAULTS = {
  dir: 'fixtures',
  allowRepeats: false,
  timing: 'instant',
  ignoreBodyPaths: [],
} as const satisfies CassetteOptions
