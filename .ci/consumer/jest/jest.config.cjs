/**
 * The repository's jest tests (test/jest/, copied here) against the installed package, through
 * the preset named by JEST_PRESET: `msw-cassette` (babel-jest), `msw-cassette/ts-jest` or
 * `msw-cassette/swc-jest`.
 * @type {import('jest').Config}
 */
const base = {
  preset: process.env.JEST_PRESET ?? 'msw-cassette',
  // The tests' helpers use NodeNext-style `./file.js` specifiers for TypeScript files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
}

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'setup-file',
      testMatch: ['<rootDir>/test/jest/setup-file/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/setup-file/setup.ts'],
    },
    {
      ...base,
      displayName: 'use-cassette',
      testMatch: ['<rootDir>/test/jest/use-cassette/**/*.test.ts'],
    },
  ],
}
