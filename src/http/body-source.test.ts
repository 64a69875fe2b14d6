import { expect, test } from 'vitest'
import { bodySource } from './body-source.js'

const URL = 'http://api.example.test/v1'
// undici 6 (Node 20, 22) keeps a body's source in reach; undici 7 (Node 24) does not.
const keepsSource = Number(process.versions.undici?.split('.')[0]) < 7

const bodies: [string, () => BodyInit][] = [
  ['a string', () => '{"model":"gpt-4o","text":"héllo ✓ \u{1F600}"}'],
  ['URLSearchParams', () => new URLSearchParams({ q: 'a b', key: 'é' })],
  ['a Uint8Array', () => new Uint8Array([0, 255, 1, 128])],
  ['an ArrayBuffer', () => new Uint8Array([7, 8, 9]).buffer],
  ['a DataView', () => new DataView(new Uint8Array([1, 2]).buffer)],
]

test.each(bodies)('the source of %s is the bytes a read of the body gives', async (_name, body) => {
  const request = new Request(URL, { method: 'POST', body: body() })
  const source = bodySource(request)
  // The request is left as it was: its body is still there to read.
  const read = new Uint8Array(await request.arrayBuffer())
  if (keepsSource) {
    expect(typeof source === 'string' ? new TextEncoder().encode(source) : source).toEqual(read)
  } else expect(source).toBeUndefined()
})

test('a streamed body has no source: it must be read', () => {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array([1]))
      controller.close()
    },
  })
  const request = new Request(URL, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
  expect(bodySource(request)).toBeUndefined()
})

test('the bytes handed out are a copy: changing them changes nothing the network gets', async () => {
  const request = new Request(URL, { method: 'POST', body: new Uint8Array([1, 2, 3]) })
  const source = bodySource(request)
  if (typeof source === 'object') source[0] = 99
  expect(new Uint8Array(await request.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
})

test('a byte body whose stream was read already is not trusted: it is read instead', async () => {
  // Reading moves the bytes out of undici's array (a byte stream transfers its chunks), so
  // the source no longer has the body's length.
  const request = new Request(URL, { method: 'POST', body: new Uint8Array([1, 2, 3]) })
  await request.clone().arrayBuffer()
  expect(bodySource(request)).toBeUndefined()
})
