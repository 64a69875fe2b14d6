import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests import the public entry points; in the repo they resolve to the sources.
    alias: [
      { find: /^msw-cassette$/, replacement: src('index.ts') },
      { find: /^msw-cassette\/vitest$/, replacement: src('vitest.ts') },
      { find: /^msw-cassette\/jest$/, replacement: src('jest.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // test/dist runs against the built package (vitest.dist.config.ts), without these aliases.
    exclude: ['test/jest/**', 'test/dist/**', 'node_modules/**'],
    // msw 2 prints every error a handler throws. Tests here provoke misses on purpose and assert
    // on the error the client gets, so the duplicate console copy is only noise.
    onConsoleLog: (log) =>
      !(
        log.startsWith('UnmatchedRequestError:') ||
        log.includes('unhandled exception during the handler lookup')
      ),
  },
})
