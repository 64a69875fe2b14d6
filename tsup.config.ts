import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  external: ['msw', 'vitest', '@jest/globals'],
})
