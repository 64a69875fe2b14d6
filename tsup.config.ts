import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  // One copy of the library per module system: without splitting, each CommonJS entry would
  // carry its own settings, cassette cache, msw server and error classes.
  splitting: true,
  dts: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  external: ['msw', 'vitest', '@jest/globals'],
  // `import.meta.url` in the CommonJS build too: `yaml` is loaded on first use through it.
  shims: true,
  // Keys the disk cache of parsed cassettes: another build never reads this one's entries.
  define: { __MSW_CASSETTE_BUILD__: JSON.stringify(`${version}+${Date.now().toString(36)}`) },
})
