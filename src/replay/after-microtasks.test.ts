import { afterEach, describe, expect, test, vi } from 'vitest'

afterEach(() => {
  vi.resetModules()
})

describe('afterMicrotasks', () => {
  test('resolves after every pending promise continuation, however deep', async () => {
    const { afterMicrotasks } = await import('./after-microtasks.js')
    let depth = 0
    const chain = async () => {
      for (; depth < 1_000; depth++) await Promise.resolve()
    }
    void chain()
    await afterMicrotasks()
    expect(depth).toBe(1_000)
  })

  test('still resolves when process.nextTick was faked before it loaded', async () => {
    // What @sinonjs/fake-timers installs: a function marked with its clock, which runs nothing
    // until the test advances time (here: never).
    const real = process.nextTick
    process.nextTick = Object.assign(() => {}, { clock: {} }) as unknown as typeof real
    const loaded = import('./after-microtasks.js').finally(() => {
      process.nextTick = real
    })
    const { afterMicrotasks } = await loaded
    await expect(afterMicrotasks()).resolves.toBeUndefined()
  })
})
