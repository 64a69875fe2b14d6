import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface SeedInteraction {
  request: { body: string }
  response: { body: string }
}

/** The seed cassette's request and response bodies, read independently of the library. */
export function seed(): { requestBody: string; responseBody: string } {
  const data = parse(readFileSync('fixtures/simple_object_streaming.yaml', 'utf8')) as {
    interactions: SeedInteraction[]
  }
  const first = data.interactions[0]
  if (!first) throw new Error('seed cassette has no interaction')
  return { requestBody: first.request.body, responseBody: first.response.body }
}

/** Every chunk of a streamed response body, as the client reads them. */
export async function readChunks(response: Response): Promise<string[]> {
  const reader = response.body?.getReader()
  if (!reader) throw new Error('no body')
  const decoder = new TextDecoder()
  const chunks: string[] = []
  for (let read = await reader.read(); !read.done; read = await reader.read())
    chunks.push(decoder.decode(read.value))
  return chunks
}

/** The joined `response.output_text.delta` values of an SSE body. */
export function textDeltas(body: string): string {
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string })
    .filter((event) => event.type === 'response.output_text.delta')
    .map((event) => event.delta)
    .join('')
}
