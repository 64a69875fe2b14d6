import { readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { useCassette, withCassette } from 'msw-cassette/jest'

// Record under jest from a local server, then replay offline: jest's async afterAll writes the
// cassette at the end of the describe block, before the next block runs.
const dir = join(tmpdir(), `msw-cassette-jest-${process.pid}`)
let origin: Server
let url = ''

beforeAll(async () => {
  origin = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.write('data: one\n\n')
    response.end('data: two\n\n')
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/stream`
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('recording', () => {
  useCassette('jest-recorded', { dir, mode: 'record' })
  test('streams the live answer through', async () => {
    expect(await (await fetch(url)).text()).toBe('data: one\n\ndata: two\n\n')
  })
})

describe('replaying', () => {
  test('the cassette was written when the block ended, and replays with the server gone', async () => {
    await new Promise<void>((resolve) => {
      origin.closeAllConnections()
      origin.close(() => resolve())
    })
    expect(readFileSync(join(dir, 'jest-recorded.yaml'), 'utf8')).toContain('data: two')
    await withCassette('jest-recorded', { dir, mode: 'replay' }, async () => {
      expect(await (await fetch(url)).text()).toBe('data: one\n\ndata: two\n\n')
    })
  })
})
