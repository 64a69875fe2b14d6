/**
 * The name of the test that just failed, read from the context vitest passes to `afterEach`
 * (`context.task.result.state`); `undefined` when it passed, or when the runner passes no such
 * context (jest), which cannot tell.
 *
 * @param context - The first argument the runner gave the `afterEach` callback.
 */
export function failedTestName(context: unknown): string | undefined {
  const task = field(context, 'task')
  const state = field(field(task, 'result'), 'state')
  if (state !== 'fail') return undefined
  const name = field(task, 'name')
  return typeof name === 'string' ? name : 'a test'
}

// vitest's test context is a function object, so functions are searched too.
function field(value: unknown, key: string): unknown {
  const searchable = (typeof value === 'object' && value !== null) || typeof value === 'function'
  return searchable ? (value as Record<string, unknown>)[key] : undefined
}
