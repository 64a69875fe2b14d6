import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts' },
  format: ['esm', 'cjs'],
  // One copy of the library per module system: without splitting, each CommonJS entry would
  // carry its own settings, cassette cache, msw server and error classes.
  splitting: true,
  dts: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  external: ['msw', 'vitest', '@jest/globals'],
})
