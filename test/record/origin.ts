import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A real HTTP server on 127.0.0.1 that the tests record from. */
export interface Origin {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** `METHOD /path` of every request it received, in order. */
  hits: string[]
  close(): Promise<void>
}

/** Starts an origin server on a free port; `handle` answers every request. */
export async function startOrigin(
  handle: (request: IncomingMessage, response: ServerResponse, body: Buffer) => void,
): Promise<Origin> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      hits.push(`${request.method} ${request.url}`)
      handle(request, response, Buffer.concat(chunks))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        // fetch keeps connections alive; close them so the port is really gone.
        server.closeAllConnections()
        // A turn for the client to see them closed: msw 3 would otherwise answer a replayed
        // request on one and cut its body off when the close arrives.
        server.close(() => setTimeout(resolve, 0))
      }),
  }
}

/** A fresh folder under the system temp folder, and its removal. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'msw-cassette-record-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export { failure } from '../support/client.js'
