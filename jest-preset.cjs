/**
 * `preset: 'msw-cassette'`: jest with babel-jest, for CommonJS test runs on msw 2.
 *
 * Needs `@babel/preset-env` and `@babel/preset-typescript` in the project (babel resolves them
 * from the project root, like any babel preset). For ts-jest use `msw-cassette/ts-jest`, for
 * @swc/jest `msw-cassette/swc-jest`.
 * @type {import('jest').Config}
 */
const { TRANSFORM_PATTERN, transformIgnorePatterns } = require('./jest-preset/shared.cjs')

module.exports = {
  transform: {
    [TRANSFORM_PATTERN]: [
      'babel-jest',
      {
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
  transformIgnorePatterns,
}
