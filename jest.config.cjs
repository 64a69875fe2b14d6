/**
 * Jest 30 with msw 2.12+ on Node 20: msw's CommonJS build requires packages that ship only ES
 * modules, so jest must compile those (and our TypeScript tests) to CommonJS. The README shows
 * this same configuration to users.
 * @type {import('jest').Config}
 */
const base = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[cm]?[jt]sx?$': [
      'babel-jest',
      {
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
  // Sources use NodeNext-style `./file.js` specifiers for TypeScript files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transformIgnorePatterns: [
    '/node_modules/(?!(rettime|until-async|@open-draft/deferred-promise)/)',
  ],
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
