import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CassetteRecordError, writeCassette } from 'msw-cassette'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readIncomingRequest } from '../../src/msw/read-request.js'
import { CassetteRecorder } from '../../src/record/cassette-recorder.js'
import { createRedactor } from '../../src/secrets/redactor.js'
import { failure, type Origin, startOrigin, tempDir } from './origin.js'

const temp = tempDir()
const fileOf = (name: string) => join(temp.dir, `${name}.yaml`)
let origin: Origin
let fastServed: () => void = () => {}
const fastDone = new Promise<void>((resolve) => {
  fastServed = resolve
})

let releaseTail: () => void = () => {}
const tailReleased = new Promise<void>((resolve) => {
  releaseTail = resolve
})

beforeAll(async () => {
  origin = await startOrigin((request, response) => {
    const path = request.url ?? ''
    if (path.endsWith('/slow')) {
      // Answers only after /fast was answered, so responses end out of request order.
      void fastDone.then(() => response.end(`slow ${path}`))
    } else if (path === '/late-tail') {
      // Sends one event, and the rest later: after the client in the test has let go.
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: first\n\n')
      void tailReleased.then(() => response.end('data: rest\n\n'))
    } else if (path === '/broken') {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: first\n\n', () => response.destroy())
    } else {
      response.end(`fast ${path}`)
      if (path.endsWith('/fast')) fastServed()
    }
  })
})
afterAll(async () => {
  await origin.close()
  temp.remove()
})

function recorder(name: string): CassetteRecorder {
  return new CassetteRecorder({
    mode: 'record',
    path: fileOf(name),
    keep: [],
    redactor: createRedactor(),
  })
}

/** Sends a GET through a recorder, as the msw handler does, and reads the answer. */
async function get(into: CassetteRecorder, url: string): Promise<string> {
  const request = new Request(url)
  const response = await into.capture(request, await readIncomingRequest(request))
  return response.text()
}

const urlsIn = (name: string) =>
  [...readFileSync(fileOf(name), 'utf8').matchAll(/^ +url: (.*)$/gm)].map((match) =>
    (match[1] ?? '').replace(origin.url, ''),
  )

describe('recording', () => {
  test('two cassettes recorded at once keep to their own requests, ids in request order', async () => {
    const a = recorder('a')
    const b = recorder('b')
    const answers = await Promise.all([
      get(a, `${origin.url}/a/slow`),
      get(b, `${origin.url}/b/slow`),
      get(a, `${origin.url}/a/fast`),
      get(b, `${origin.url}/b/one`),
    ])
    expect(answers).toEqual(['slow /a/slow', 'slow /b/slow', 'fast /a/fast', 'fast /b/one'])
    await Promise.all([a.save(), b.save()])
    expect(urlsIn('a')).toEqual(['/a/slow', '/a/fast'])
    expect(urlsIn('b')).toEqual(['/b/slow', '/b/one'])
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  test('a response that breaks off is not written, and the previous file stays', async () => {
    writeFileSync(fileOf('broken'), 'previous')
    const into = recorder('broken')
    expect(await failure(get(into, `${origin.url}/broken`))).toBeInstanceOf(Error)
    const error = await failure(into.save())
    expect(error).toBeInstanceOf(CassetteRecordError)
    expect(error?.message).toContain(`GET ${origin.url}/broken: the response broke off`)
    expect(error?.message).toContain('previous cassette')
    expect(readFileSync(fileOf('broken'), 'utf8')).toBe('previous')
  })

  test('a client that stops reading still gets the whole response recorded', async () => {
    const into = recorder('cancelled')
    const request = new Request(`${origin.url}/late-tail`)
    const response = await into.capture(request, await readIncomingRequest(request))
    const reader = response.body?.getReader()
    const first = await reader?.read()
    expect(new TextDecoder().decode(first?.value)).toBe('data: first\n\n')
    await reader?.cancel()
    releaseTail()
    expect(await into.save()).toBe(true)
    expect(readFileSync(fileOf('cancelled'), 'utf8')).toContain(
      '        body: |+\n            data: first\n\n            data: rest\n\n',
    )
  })

  test('a server that cannot be reached fails the request with the network error', async () => {
    const closed = await startOrigin(() => {})
    await closed.close()
    const into = recorder('unreachable')
    const error = await failure(get(into, `${closed.url}/x`))
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED')
    expect((await failure(into.save()))?.message).toContain('could not be sent')
  })
})

describe('writing', () => {
  test('a file that cannot be written is a record error, and leaves no temporary file', () => {
    writeFileSync(fileOf('not-a-folder'), 'x')
    const error = (() => {
      try {
        writeCassette(join(fileOf('not-a-folder'), 'deeper.yaml'), [])
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(CassetteRecordError)
    expect((error as CassetteRecordError).code).toBe('ERR_CASSETTE_RECORD')
    expect((error as Error).message).toContain('deeper.yaml')
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  test('creates missing parent folders', () => {
    writeCassette(join(temp.dir, 'nested', 'deeper', 'c.yaml'), [])
    expect(readFileSync(join(temp.dir, 'nested', 'deeper', 'c.yaml'), 'utf8')).toBe(
      '---\nversion: 2\ninteractions: []\n',
    )
  })
})
