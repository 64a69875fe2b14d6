import { defineConfig } from 'vitest/config'

// The built package as users import it: no aliases, so `msw-cassette` and its subpaths resolve
// through package.json's exports map to dist/ (run `npm run build` first; `npm test` does).
export default defineConfig({
  test: {
    include: ['test/dist/**/*.test.ts'],
    onConsoleLog: (log) =>
      !(
        log.startsWith('UnmatchedRequestError:') ||
        log.includes('unhandled exception during the handler lookup')
      ),
  },
})
