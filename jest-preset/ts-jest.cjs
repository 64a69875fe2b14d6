/**
 * `preset: 'msw-cassette/ts-jest'`: jest with ts-jest, for CommonJS test runs on msw 2.
 *
 * ts-jest must also compile the ES-module-only packages msw loads, which are JavaScript:
 * `allowJs` lets it, and `isolatedModules` compiles file by file (no type check of
 * node_modules, and much faster). Type-check your tests with `tsc --noEmit` instead.
 * @type {import('jest').Config}
 */
const { TRANSFORM_PATTERN, transformIgnorePatterns } = require('./shared.cjs')

module.exports = {
  transform: {
    [TRANSFORM_PATTERN]: [
      'ts-jest',
      {
        tsconfig: {
          allowJs: true,
          module: 'commonjs',
          isolatedModules: true,
          esModuleInterop: true,
        },
      },
    ],
  },
  transformIgnorePatterns,
}
