import { Document, Scalar } from 'yaml'
import { formatGoDuration } from './parse-duration.js'
import type { Body, HeaderMap, Interaction } from './types.js'

// Key order and `omitempty` of go-vcr v4's cassette.Request and cassette.Response yaml tags.
const REQUEST_KEYS = [
  'proto',
  'proto_major',
  'proto_minor',
  'content_length',
  'transfer_encoding',
  'trailer',
  'host',
  'remote_addr',
  'request_uri',
  'body',
  'form',
  'headers',
  'url',
  'method',
] as const
const REQUEST_OMIT_EMPTY = new Set([
  'transfer_encoding',
  'trailer',
  'remote_addr',
  'request_uri',
  'body',
  'form',
  'headers',
])
const RESPONSE_KEYS = [
  'proto',
  'proto_major',
  'proto_minor',
  'transfer_encoding',
  'trailer',
  'content_length',
  'uncompressed',
  'body',
  'headers',
  'status',
  'code',
  'duration',
] as const
const RESPONSE_OMIT_EMPTY = new Set(['transfer_encoding', 'trailer', 'uncompressed'])
const BINARY_TAG = 'tag:yaml.org,2002:binary'
// go-vcr's YAML encoder writes base64 in lines of this width.
const BASE64_LINE = 70

/**
 * A cassette as go-vcr v4 writes it: `---`, `version: 2`, then each interaction with every key
 * in go-vcr's order, ids from 0, header and form keys sorted, `duration` as a Go duration.
 * Multi-line text bodies become literal blocks, bodies that are not UTF-8 `!!binary`.
 *
 * @param interactions - In the order to write them; ids are renumbered from 0.
 * @param quoted - Indexes of interactions whose bodies must be double-quoted (a fallback for
 *   text a literal block cannot hold exactly).
 */
export function cassetteYaml(
  interactions: readonly Interaction[],
  quoted: ReadonlySet<number> = new Set(),
): string {
  const doc = new Document({
    version: 2,
    interactions: interactions.map((interaction, id) => ({
      id,
      request: requestFields(interaction, quoted.has(id)),
      response: responseFields(interaction, quoted.has(id)),
    })),
  })
  const text = doc.toString({
    indent: 2,
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: true,
  })
  // go-vcr starts every file with a document marker.
  return `---\n${text}`
}

function requestFields(interaction: Interaction, quoted: boolean): Record<string, unknown> {
  const { request } = interaction
  const fields: Record<string, unknown> = {
    proto: 'HTTP/1.1',
    proto_major: 1,
    proto_minor: 1,
    content_length: byteLength(request.body),
    host: hostOf(request.url),
    ...request.extra,
    body: request.body,
    form: request.form,
    headers: sorted(request.headers),
    url: request.url,
    method: request.method,
  }
  return ordered(fields, REQUEST_KEYS, REQUEST_OMIT_EMPTY, quoted)
}

function responseFields(interaction: Interaction, quoted: boolean): Record<string, unknown> {
  const { response } = interaction
  const fields: Record<string, unknown> = {
    proto: 'HTTP/1.1',
    proto_major: 1,
    proto_minor: 1,
    content_length: -1,
    ...response.extra,
    uncompressed: response.uncompressed,
    body: response.body,
    headers: sorted(response.headers),
    status: response.status,
    code: response.code,
    duration: formatGoDuration(response.durationMs),
  }
  return ordered(fields, RESPONSE_KEYS, RESPONSE_OMIT_EMPTY, quoted)
}

/** The fields in go-vcr's order, empty ones left out where go-vcr leaves them out, then any
 * field go-vcr does not know (kept, so rewriting a cassette loses nothing). */
function ordered(
  fields: Record<string, unknown>,
  keys: readonly string[],
  omitEmpty: ReadonlySet<string>,
  quoted: boolean,
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of [...keys, ...Object.keys(fields).filter((key) => !keys.includes(key))]) {
    const value = fields[key]
    if (value === undefined || (omitEmpty.has(key) && isEmpty(value))) continue
    result[key] = key === 'body' ? bodyNode(value as Body, quoted) : value
  }
  return result
}

function bodyNode(body: Body, quoted: boolean): Scalar {
  if (typeof body !== 'string') {
    if (body.byteLength === 0) return bodyNode('', quoted)
    const base64 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64')
    const node = new Scalar(base64.match(new RegExp(`.{1,${BASE64_LINE}}`, 'g'))?.join('\n'))
    node.tag = BINARY_TAG
    node.type = 'BLOCK_LITERAL'
    return node
  }
  const node = new Scalar(body)
  if (body === '' || quoted) node.type = 'QUOTE_DOUBLE'
  else if (body.includes('\n')) node.type = 'BLOCK_LITERAL'
  return node
}

function isEmpty(value: unknown): boolean {
  if (value === false || value === '' || value === null) return true
  if (Array.isArray(value)) return value.length === 0
  if (value instanceof Uint8Array) return value.byteLength === 0
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}

function sorted(map: HeaderMap): HeaderMap {
  const result: HeaderMap = {}
  for (const key of Object.keys(map).sort()) result[key] = map[key] ?? []
  return result
}

function byteLength(body: Body): number {
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}
