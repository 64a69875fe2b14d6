import { expect, test } from 'vitest'
import { recordStream } from './record-stream.js'

test('a client that cancels stops receiving, and the server is still recorded to its end', async () => {
  const encoder = new TextEncoder()
  let release: () => void = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  const source = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode('data: 1\n\n'))
      await gate
      controller.enqueue(encoder.encode('data: 2\n\n'))
      controller.close()
    },
  })
  const { stream, done } = recordStream(source)
  const reader = stream.getReader()
  expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: 1\n\n')
  await reader.cancel()
  release()
  const record = await done
  expect(record.cut).toBe(true)
  expect(new TextDecoder().decode(record.bytes)).toBe('data: 1\n\ndata: 2\n\n')
})
