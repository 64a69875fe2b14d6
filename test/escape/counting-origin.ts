import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Cassette, loadCassette } from 'msw-cassette'

/** A server on 127.0.0.1 standing in for the APIs: it counts every connection made to it. */
export interface CountingOrigin {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** TCP connections so far (a request that escaped, whatever the client and protocol). */
  connections: number
  close(): Promise<void>
}

/** Starts a {@link CountingOrigin}; it answers 200 `escaped` to anything that reaches it. */
export async function startCountingOrigin(): Promise<CountingOrigin> {
  const server: Server = createServer((_request, response) => response.end('escaped'))
  const origin = { url: '', connections: 0, close: () => close(server) }
  server.on('connection', () => {
    origin.connections++
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return origin
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/**
 * The seed (openai), the anthropic cassette and fixtures/escape/hello.yaml in one cassette,
 * every URL moved onto `origin`, so a request that escapes lands on the counting server.
 */
export function cassetteOn(origin: string): Cassette {
  const secure = origin.replace('http:', 'https:')
  // [cassette, recorded origin, origin it is moved to]
  const sources: [string, string, string][] = [
    ['simple_object_streaming', 'https://api.openai.com', origin],
    ['anthropic/messages_stream', 'https://api.anthropic.com', origin],
    ['escape/hello', 'http://origin.test', origin],
    // The same over TLS: an https client that escaped would still open a connection to count.
    ['escape/hello', 'http://origin.test', secure],
  ]
  const interactions = sources.flatMap(([name, from, to]) =>
    loadCassette(name).interactions.map((interaction) => ({
      ...interaction,
      request: { ...interaction.request, url: interaction.request.url.replace(from, to) },
    })),
  )
  return {
    path: 'fixtures/escape/combined.yaml',
    version: 2,
    interactions: interactions.map((interaction, index) => ({ ...interaction, id: index, index })),
  }
}
