import type { CassetteLayout } from './layout.js'
import { formatGoDuration } from './parse-duration.js'
import type { Body, Interaction } from './types.js'

// go-vcr v4's field order (its struct's yaml tags), and the fields later releases leave out
// when empty (`omitempty`).
const REQUEST_OMITTED = new Set([
  'transfer_encoding',
  'trailer',
  'remote_addr',
  'request_uri',
  'body',
  'form',
  'headers',
])
const RESPONSE_OMITTED = new Set(['transfer_encoding', 'trailer', 'uncompressed'])
/** Request fields go-vcr writes besides method, url, body, headers and form. */
export const REQUEST_KNOWN = new Set([
  'proto',
  'proto_major',
  'proto_minor',
  'content_length',
  'transfer_encoding',
  'trailer',
  'host',
  'remote_addr',
  'request_uri',
])
/** Response fields go-vcr writes besides code, status, body, headers, duration and uncompressed. */
export const RESPONSE_KNOWN = new Set([
  'proto',
  'proto_major',
  'proto_minor',
  'transfer_encoding',
  'trailer',
  'content_length',
])

/** A field name and its value. */
export type Entry = readonly [string, unknown]

/** The request's fields in go-vcr's order, filled in where the interaction lacks them. */
export function requestEntries(interaction: Interaction, layout: CassetteLayout): Entry[] {
  const { request } = interaction
  const extra = request.extra
  const entries: Entry[] = [
    ['proto', extra.proto ?? 'HTTP/1.1'],
    ['proto_major', extra.proto_major ?? 1],
    ['proto_minor', extra.proto_minor ?? 1],
    ['content_length', extra.content_length ?? byteLength(request.body)],
    ['transfer_encoding', extra.transfer_encoding ?? []],
    ['trailer', extra.trailer ?? {}],
    ['host', extra.host ?? hostOf(request.url)],
    ['remote_addr', extra.remote_addr ?? ''],
    ['request_uri', extra.request_uri ?? ''],
    ['body', request.body],
    ['form', request.form ?? {}],
    ['headers', request.headers],
    ['url', request.url],
    ['method', request.method],
    ...unknown(extra, REQUEST_KNOWN),
  ]
  return withoutEmpty(entries, layout, REQUEST_OMITTED)
}

/** The response's fields in go-vcr's order, filled in where the interaction lacks them. */
export function responseEntries(interaction: Interaction, layout: CassetteLayout): Entry[] {
  const { response } = interaction
  const extra = response.extra
  const entries: Entry[] = [
    ['proto', extra.proto ?? 'HTTP/1.1'],
    ['proto_major', extra.proto_major ?? 1],
    ['proto_minor', extra.proto_minor ?? 1],
    ['transfer_encoding', extra.transfer_encoding ?? []],
    ['trailer', extra.trailer ?? {}],
    ['content_length', extra.content_length ?? -1],
    ['uncompressed', response.uncompressed],
    ['body', response.body],
    ['headers', response.headers],
    ['status', response.status],
    ['code', response.code],
    ['duration', formatGoDuration(response.durationMs)],
    ...unknown(extra, RESPONSE_KNOWN),
  ]
  return withoutEmpty(entries, layout, RESPONSE_OMITTED)
}

function unknown(extra: Record<string, unknown>, known: ReadonlySet<string>): Entry[] {
  return Object.entries(extra).filter(([key, value]) => !known.has(key) && value !== undefined)
}

function withoutEmpty(
  entries: Entry[],
  layout: CassetteLayout,
  omitted: ReadonlySet<string>,
): Entry[] {
  if (layout.emptyFields === 'all') return entries
  return entries.filter(([key, value]) => !(omitted.has(key) && isEmpty(value)))
}

function isEmpty(value: unknown): boolean {
  if (value === false || value === '' || value === null || value === undefined) return true
  if (Array.isArray(value)) return value.length === 0
  if (value instanceof Uint8Array) return value.byteLength === 0
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
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
