import https from 'node:https'
import { CassetteOptionsError, UnusedInteractionsError } from 'msw-cassette'
import { useCassette } from 'msw-cassette/vitest'
import { describe, expect, test } from 'vitest'

const URL = 'https://api.openai.com/v1/responses'
const decoder = new TextDecoder()

const handle = useCassette('simple_object_streaming')
const recordedBody = handle.cassette.interactions[0]?.request.body as string
/** The seed's SSE events as the server sent them, each with its blank line. */
const events = String(handle.cassette.interactions[0]?.response.body).split(/(?<=\n\n)/)

function post(init: RequestInit = {}): Promise<Response> {
  return fetch(URL, { method: 'POST', body: recordedBody, ...init })
}

/** Turns of the event loop: enough for a replayed event to arrive, if one were coming. */
async function turns(count: number): Promise<void> {
  for (let at = 0; at < count; at++) await new Promise((resolve) => setImmediate(resolve))
}

/** What a node:http client saw: data chunks, then how it ended. */
interface HttpOutcome {
  status: number | undefined
  chunks: string[]
  end: 'end' | 'error' | 'request-error' | 'aborted'
  error?: NodeJS.ErrnoException
}

/** Sends the seed request with https.request; `onData` may stop it (returns the request). */
function httpsPost(onChunk?: (count: number, destroy: () => void) => void): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    const chunks: string[] = []
    const req = https.request(URL, { method: 'POST' }, (res) => {
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        chunks.push(chunk)
        onChunk?.(chunks.length, () => req.destroy())
      })
      res.on('end', () => resolve({ status: res.statusCode, chunks, end: 'end' }))
      res.on('error', (error) =>
        resolve({ status: res.statusCode, chunks, end: 'error', error: error }),
      )
    })
    req.on('error', (error) =>
      resolve({ status: undefined, chunks, end: 'request-error', error: error }),
    )
    req.end(recordedBody)
  })
}

describe('a status fault', () => {
  test('answers 429 with its headers and body, then the recording answers the retry', async () => {
    handle.fault({ status: 429, headers: { 'Retry-After': '1' }, body: '{"error":"slow down"}' })
    const first = await post()
    expect(first.status).toBe(429)
    expect(first.statusText).toBe('Too Many Requests')
    expect(first.headers.get('retry-after')).toBe('1')
    expect(await first.text()).toBe('{"error":"slow down"}')
    // The 429 consumed nothing: the interaction is still there for the retry.
    expect(handle.unused()).toHaveLength(1)
    const second = await post()
    expect(second.status).toBe(200)
    expect(await second.text()).toBe(handle.cassette.interactions[0]?.response.body)
    expect(handle.unused()).toHaveLength(0)
  })

  test('`times` answers that many requests; faults are per test', async () => {
    handle.fault({ status: 503, times: 2 })
    expect((await post()).status).toBe(503)
    expect((await post()).status).toBe(503)
    expect((await post()).status).toBe(200)
  })

  test('a fault from an earlier test is gone', async () => {
    expect((await post()).status).toBe(200)
  })

  test('`when` picks the requests it applies to', async () => {
    handle.fault({ status: 500, when: (request) => request.url.pathname === '/v1/other' })
    expect((await post()).status).toBe(200)
  })
})

describe('a cut after N events', () => {
  test('fetch reads N events, then the body fails as undici does when a connection drops', async () => {
    handle.fault({ cutAfter: 5 })
    const reader = (await post()).body?.getReader()
    if (!reader) throw new Error('no body')
    for (let at = 0; at < 5; at++) {
      expect(decoder.decode((await reader.read()).value)).toMatch(/^event: response\./)
    }
    const error = await reader.read().then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('terminated')
    expect((error as TypeError).cause).toMatchObject({
      name: 'SocketError',
      code: 'UND_ERR_SOCKET',
      message: 'other side closed',
    })
    // The cut stream used the interaction: strict mode counts it as requested.
    expect(handle.unused()).toHaveLength(0)
    handle.verify({ strict: true })
  })

  test('node:http gets N chunks, then the response aborts with ECONNRESET', async () => {
    handle.fault({ cutAfter: 5 })
    const outcome = await httpsPost()
    expect(outcome.status).toBe(200)
    // Exactly the first five events arrived; how node:http cuts them into `data` chunks is up
    // to the msw version (one per event on msw 2.15, some split on msw 2.10).
    expect(outcome.chunks.join('')).toBe(events.slice(0, 5).join(''))
    expect(outcome.end).toBe('error')
    expect(outcome.error?.code).toBe('ECONNRESET')
    expect(outcome.error?.message).toBe('aborted')
  })

  test('a cut after every event still fails instead of ending', async () => {
    handle.fault({ cutAfter: 1000 })
    const reader = (await post()).body?.getReader()
    if (!reader) throw new Error('no body')
    let events = 0
    const error = await (async () => {
      for (;;) {
        const read = await reader.read()
        if (read.done) return undefined
        events++
      }
    })().catch((reason: unknown) => reason)
    expect(events).toBe(21)
    expect((error as Error).message).toBe('terminated')
  })
})

describe('a stall after N events', () => {
  test('fetch gets N events, then nothing until the request aborts', async () => {
    handle.fault({ stallAfter: 3 })
    const controller = new AbortController()
    const reader = (await post({ signal: controller.signal })).body?.getReader()
    if (!reader) throw new Error('no body')
    for (let at = 0; at < 3; at++) await reader.read()
    let settled = false
    const pending = reader.read().then(
      () => 'read',
      (reason: unknown) => reason,
    )
    void pending.then(() => {
      settled = true
    })
    await turns(50)
    expect(settled).toBe(false)
    controller.abort()
    const error = await pending
    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('AbortError')
  })

  test('node:http gets N chunks, then nothing until the client gives up', async () => {
    handle.fault({ stallAfter: 3 })
    let waited = false
    const outcome = await httpsPost((count, destroy) => {
      if (count !== 3) return
      // Let plenty of turns pass: no fourth chunk may arrive; then the client gives up.
      void turns(50).then(() => {
        waited = true
        destroy()
      })
    })
    expect(waited).toBe(true)
    expect(outcome.chunks).toHaveLength(3)
    expect(outcome.end).not.toBe('end')
  })
})

describe('a network error', () => {
  test('fetch rejects with TypeError: fetch failed, caused by ECONNREFUSED', async () => {
    handle.fault({ networkError: 'ECONNREFUSED' })
    const error = await post().then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('fetch failed')
    expect((error as TypeError).cause).toMatchObject({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      message: 'connect ECONNREFUSED api.openai.com:443',
    })
    // Nothing was consumed: the retry gets the recording.
    expect((await post()).status).toBe(200)
  })

  test('node:http emits error with ECONNRESET', async () => {
    handle.fault({ networkError: 'ECONNRESET' })
    const outcome = await httpsPost()
    expect(outcome.end).toBe('request-error')
    expect(outcome.error?.code).toBe('ECONNRESET')
    expect(outcome.error?.syscall).toBe('read')
    expect(outcome.error?.message).toBe('read ECONNRESET')
  })
})

describe('checking faults', () => {
  test.each([
    [{ cutafter: 5 }, /unknown fault `cutafter` in the fault/],
    [{ cutAfter: 5, status: 429 }, /combines `cutAfter` and `status`, which cannot happen/],
    [{ networkError: 'ECONNREFUSED', stallAfter: 1 }, /combines `stallAfter` and `networkError`/],
    [{ headers: { 'Retry-After': '1' } }, /need a `status` to answer with/],
    [{ times: 2 }, /says nothing goes wrong/],
    [{ status: 204, body: 'x' }, /status 204, which carries none/],
    [{ status: 99 }, /`status` in the fault must be an HTTP status code/],
    [{ networkError: 'EHOSTDOWN' }, /must be 'ECONNREFUSED' or 'ECONNRESET'/],
    [{ cutAfter: -1 }, /`cutAfter` in the fault must be a number of events/],
    [{ status: 500, times: 0 }, /`times` in the fault must be a number of requests, 1 or more/],
  ])('%j is a CassetteOptionsError', (fault, message) => {
    let error: unknown
    try {
      handle.fault(fault as never)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CassetteOptionsError)
    expect((error as CassetteOptionsError).code).toBe('ERR_CASSETTE_OPTIONS')
    expect((error as Error).message).toMatch(/^msw-cassette: fault\(\): /)
    expect((error as Error).message).toMatch(message)
  })

  test('the `faults` option is checked with the others, naming the caller and the entry', () => {
    expect(() =>
      useCassette('simple_object_streaming', { faults: [{ stall: 1 } as never] }),
    ).toThrow(/^msw-cassette: useCassette: unknown fault `stall` in `faults\[0\]`/)
  })
})

describe('what faulted requests consume', () => {
  test('strict mode reports the interaction a 429 left unused when no retry came', async () => {
    handle.fault({ status: 429 })
    expect((await post()).status).toBe(429)
    expect(() => handle.verify({ strict: true })).toThrow(UnusedInteractionsError)
    await post() // the retry, so the after-hook passes
  })

  test('a stalled request used its interaction', async () => {
    handle.fault({ stallAfter: 0 })
    const controller = new AbortController()
    const response = await post({ signal: controller.signal })
    controller.abort()
    await response.body?.cancel().catch(() => undefined)
    expect(handle.unused()).toHaveLength(0)
    handle.verify({ strict: true })
  })
})

describe('the `faults` option', () => {
  const declared = useCassette('simple_object_streaming', {
    faults: [{ status: 503, headers: { 'Retry-After': '0' } }],
  })

  test('applies to the first matching request of each test', async () => {
    expect((await post()).status).toBe(503)
    expect((await post()).status).toBe(200)
    expect(declared.unused()).toHaveLength(0)
  })

  test('is armed again for the next test', async () => {
    expect((await post()).status).toBe(503)
    expect((await post()).status).toBe(200)
  })
})
