import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { withCassette } from 'msw-cassette'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Origin, startOrigin, tempDir } from './origin.js'

let origin: Origin
const temp = tempDir()

beforeAll(async () => {
  origin = await startOrigin((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ path: request.url }))
  })
})
afterAll(async () => {
  await origin.close()
  temp.remove()
})

test('withCassette writes what it recorded when its function succeeds, then replays it', async () => {
  const options = { dir: temp.dir, mode: 'record' as const }
  await withCassette('scoped', options, async () => {
    expect(await (await fetch(`${origin.url}/a`)).json()).toEqual({ path: '/a' })
  })
  const file = join(temp.dir, 'scoped.yaml')
  expect(readFileSync(file, 'utf8')).toContain(`url: ${origin.url}/a`)
  await origin.close()
  await withCassette('scoped', { dir: temp.dir, mode: 'replay' }, async () => {
    expect(await (await fetch(`${origin.url}/a`)).json()).toEqual({ path: '/a' })
  })
  origin = await startOrigin((_request, response) => response.end())
})

test('withCassette writes nothing when its function fails', async () => {
  const run = withCassette('failed', { dir: temp.dir, mode: 'record' }, async () => {
    await (await fetch(`${origin.url}/b`)).text()
    throw new Error('the test failed')
  })
  await expect(run).rejects.toThrow('the test failed')
  expect(existsSync(join(temp.dir, 'failed.yaml'))).toBe(false)
})
