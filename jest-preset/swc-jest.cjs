/**
 * `preset: 'msw-cassette/swc-jest'`: jest with @swc/jest, for CommonJS test runs on msw 2.
 *
 * `module.type: 'commonjs'` makes swc emit CommonJS for `.mjs` files too, which it would
 * otherwise leave as ES modules.
 * @type {import('jest').Config}
 */
const { TRANSFORM_PATTERN, transformIgnorePatterns } = require('./shared.cjs')

module.exports = {
  transform: {
    [TRANSFORM_PATTERN]: [
      '@swc/jest',
      { module: { type: 'commonjs' }, jsc: { parser: { syntax: 'typescript' } } },
    ],
  },
  transformIgnorePatterns,
}
