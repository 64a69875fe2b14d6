/**
 * The project's own jest tests use the preset users get (`jest-preset.cjs`, found through the
 * package's own name), so it is tested on every run. Test files import `msw-cassette` and
 * `msw-cassette/jest` by name too: jest loads the CommonJS build from dist/.
 * @type {import('jest').Config}
 */
const base = {
  preset: 'msw-cassette',
  testEnvironment: 'node',
  // Test helpers use NodeNext-style `./file.js` specifiers for TypeScript files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
}

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'jest-setup-file',
      testMatch: ['<rootDir>/test/jest/setup-file/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/setup-file/setup.ts'],
    },
    {
      ...base,
      // msw's recommended jsdom environment: jsdom plus Node's fetch and streams.
      displayName: 'jest-fixed-jsdom',
      testEnvironment: 'jest-fixed-jsdom',
      // jsdom's `browser` export conditions would pick msw's browser build.
      testEnvironmentOptions: { customExportConditions: [''] },
      testMatch: ['<rootDir>/test/jest/jsdom/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'jest-use-cassette',
      testMatch: ['<rootDir>/test/jest/use-cassette/**/*.test.ts'],
    },
  ],
}
