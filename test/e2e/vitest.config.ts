import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.config.js'

// Sample test files that are meant to fail: run only by test/runner-glue.test.ts, in a child
// vitest, whose report is then checked.
export default mergeConfig(
  base,
  defineConfig({ test: { include: ['test/e2e/**/*.e2e.ts'], exclude: [] } }),
)
