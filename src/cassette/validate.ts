import { CassetteFormatError, type CassetteLocation } from '../errors/cassette-format-error.js'
import { formatMessage } from '../errors/message.js'
import { isRecordableStatus } from '../http/status.js'
import { REQUEST_KNOWN, RESPONSE_KNOWN } from './go-vcr-fields.js'
import { parseGoDuration } from './parse-duration.js'
import type {
  Body,
  Cassette,
  HeaderMap,
  Interaction,
  RecordedRequest,
  RecordedResponse,
} from './types.js'

/** Finds the line and column of a YAML node by its key path, when the source is known. */
export type Locate = (path: ReadonlyArray<string | number>) => CassetteLocation | undefined

type Path = ReadonlyArray<string | number>

const REQUEST_KEYS = new Set(['method', 'url', 'body', 'headers', 'form'])
const RESPONSE_KEYS = new Set(['code', 'status', 'body', 'headers', 'duration', 'uncompressed'])
// Every key go-vcr's structs read; others are ignored by Go, and reported in `ignoredKeys`.
const GO_KEYS = {
  cassette: new Set(['version', 'interactions']),
  interaction: new Set(['id', 'request', 'response']),
  request: new Set([...REQUEST_KEYS, ...REQUEST_KNOWN]),
  response: new Set([...RESPONSE_KEYS, ...RESPONSE_KNOWN]),
}
// Go integers among the fields kept in `extra`.
const INTEGER_EXTRAS = new Set(['content_length', 'proto_major', 'proto_minor'])
const TRUE = /^(?:true|True|TRUE|y|Y|yes|Yes|YES|on|On|ON)$/
const FALSE = /^(?:false|False|FALSE|n|N|no|No|NO|off|Off|OFF)$/

/**
 * Narrows a parsed YAML value to a {@link Cassette}, or throws a {@link CassetteFormatError}
 * that names the file, the interaction and the field.
 *
 * @param data - What the YAML parser returned.
 * @param path - The file, for messages.
 * @param locate - Optional lookup of line numbers for a key path.
 */
export function validateCassette(
  data: unknown,
  path: string,
  locate: Locate = () => undefined,
): Cassette {
  pool = new Map()
  try {
    return validateData(data, path, locate)
  } finally {
    pool = undefined
  }
}

// The short strings a cassette repeats in every interaction (methods, URLs, header values,
// status lines, `proto`) are kept once each: a parser hands out a new copy per occurrence, and
// in a cassette of thousands of interactions those copies outweighed the bodies.
let pool: Map<string, string> | undefined

function intern<T>(value: T): T {
  if (typeof value !== 'string' || pool === undefined || value.length > 200) return value
  const known = pool.get(value)
  if (known !== undefined) return known as T
  pool.set(value, value)
  return value
}

function validateData(data: unknown, path: string, locate: Locate): Cassette {
  const fail = (
    at: Path,
    message: string,
    code: 'ERR_CASSETTE_INVALID' | 'ERR_CASSETTE_VERSION' = 'ERR_CASSETTE_INVALID',
  ): never => {
    // A missing key has no node: point at the mapping that lacks it.
    const position = locate(at) ?? locate(at.slice(0, -1)) ?? {}
    const interaction = at[0] === 'interactions' && typeof at[1] === 'number' ? at[1] : undefined
    const field = at.slice(interaction === undefined ? 0 : 2).join('.')
    const where = [
      interaction === undefined ? undefined : `interaction ${interaction}`,
      field === '' ? undefined : `field \`${field}\``,
      position.line === undefined ? undefined : `line ${position.line}`,
    ]
      .filter((part) => part !== undefined)
      .join(', ')
    const location: CassetteLocation = { ...position, field }
    if (interaction !== undefined) location.interaction = interaction
    throw new CassetteFormatError(
      code,
      path,
      formatMessage({
        problem: `invalid cassette${where === '' ? '' : ` (${where})`}: ${message}`,
        file: path,
        hint: 'Fix the file or record it again.',
      }),
      location,
    )
  }

  if (!isRecord(data)) {
    return fail(
      [],
      `expected a mapping with \`version\` and \`interactions\`, found ${describe(data)}`,
    )
  }
  const version = toInteger(data.version)
  if (version !== 1 && version !== 2) {
    return fail(
      ['version'],
      `unknown version ${data.version === undefined ? '(none given)' : typeof data.version === 'string' ? data.version : JSON.stringify(data.version)}; msw-cassette reads go-vcr versions 1 and 2`,
      'ERR_CASSETTE_VERSION',
    )
  }
  if (!('interactions' in data)) {
    return fail(
      ['interactions'],
      'missing key `interactions`, which go-vcr needs (the list of recorded requests); check its spelling',
    )
  }
  const ignoredKeys: string[] = []
  const ignore = (at: Path, value: Record<string, unknown>, known: ReadonlySet<string>) => {
    for (const key of Object.keys(value))
      if (!known.has(key)) ignoredKeys.push([...at, key].join('.'))
  }
  ignore([], data, GO_KEYS.cassette)
  const list = data.interactions ?? []
  if (!Array.isArray(list)) {
    return fail(['interactions'], `expected a list of interactions, found ${describe(list)}`)
  }
  const interactions = list.map((item: unknown, index): Interaction => {
    const at: Path = ['interactions', index]
    if (!isRecord(item))
      return fail(
        at,
        `expected a mapping with \`request\` and \`response\`, found ${describe(item)}`,
      )
    const id = item.id === undefined || item.id === null ? index : toInteger(item.id)
    if (id === undefined)
      return fail([...at, 'id'], `expected an integer, found ${describe(item.id)}`)
    ignore(at, item, GO_KEYS.interaction)
    for (const key of ['request', 'response'] as const) {
      if (!(key in item)) return fail([...at, key], `missing key \`${key}\`, which go-vcr needs`)
      const part = item[key]
      if (isRecord(part)) ignore([...at, key], part, GO_KEYS[key])
    }
    return {
      id,
      index,
      request: validateRequest(item.request, [...at, 'request'], fail),
      response: validateResponse(item.response, [...at, 'response'], fail),
    }
  })
  return { path, version, interactions, ignoredKeys }
}

type Fail = (at: Path, message: string) => never

function validateRequest(value: unknown, at: Path, fail: Fail): RecordedRequest {
  if (!isRecord(value)) return fail(at, `expected a mapping, found ${describe(value)}`)
  if (!('method' in value))
    return fail([...at, 'method'], 'missing key `method`, which go-vcr needs')
  if (!('url' in value)) return fail([...at, 'url'], 'missing key `url`, which go-vcr needs')
  const method = value.method
  if (typeof method !== 'string' || method === '')
    return fail([...at, 'method'], `expected an HTTP method, found ${describe(method)}`)
  const url = value.url
  if (typeof url !== 'string' || url === '')
    return fail([...at, 'url'], `expected a URL, found ${describe(url)}`)
  const request: RecordedRequest = {
    method: intern(method),
    url: intern(url),
    body: readBody(value.body, at, 'body', fail),
    headers: readHeaders(value.headers, at, 'headers', fail),
    extra: pickExtra(value, REQUEST_KEYS),
  }
  if (value.form !== undefined && value.form !== null)
    request.form = readHeaders(value.form, at, 'form', fail)
  return request
}

function validateResponse(value: unknown, at: Path, fail: Fail): RecordedResponse {
  if (!isRecord(value)) return fail(at, `expected a mapping, found ${describe(value)}`)
  if (!('code' in value)) return fail([...at, 'code'], 'missing key `code`, which go-vcr needs')
  const code = toInteger(value.code)
  if (!isRecordableStatus(code)) {
    return fail([...at, 'code'], `expected an HTTP status code, found ${describe(value.code)}`)
  }
  const status = value.status ?? ''
  if (typeof status !== 'string')
    return fail(
      [...at, 'status'],
      `expected a status line like "200 OK", found ${describe(status)}`,
    )
  const uncompressed = toBoolean(value.uncompressed)
  if (uncompressed === undefined)
    return fail(
      [...at, 'uncompressed'],
      `expected true or false, found ${describe(value.uncompressed)}`,
    )
  return {
    code,
    status: intern(status),
    body: readBody(value.body, at, 'body', fail),
    headers: readHeaders(value.headers, at, 'headers', fail),
    durationMs: readDuration(value.duration, at, 'duration', fail),
    uncompressed,
    extra: pickExtra(value, RESPONSE_KEYS),
  }
}

// The readers of single fields take the parent's path and the key, and build the field's path
// only for an error: most cassettes have none, and thousands of interactions.

function readBody(value: unknown, at: Path, key: string, fail: Fail): Body {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string' || value instanceof Uint8Array) return value
  return fail([...at, key], `expected a string or !!binary, found ${describe(value)}`)
}

function readHeaders(value: unknown, at: Path, key: string, fail: Fail): HeaderMap {
  if (value === undefined || value === null) return {}
  if (!isRecord(value)) {
    return fail(
      [...at, key],
      `expected a mapping of names to lists of values, found ${describe(value)}`,
    )
  }
  // The parser's mapping is ours: it is kept, with each list copied to one of its own size (a
  // parser's lists grow by pushing, with room to spare that thousands of headers add up).
  for (const name of Object.keys(value)) {
    const raw = value[name]
    const values: unknown[] = raw === null ? [] : Array.isArray(raw) ? raw : [raw]
    const list: string[] = new Array(values.length)
    for (let index = 0; index < values.length; index++) {
      const item = values[index]
      if (typeof item === 'string') list[index] = intern(item)
      // Go reads a null list item into a string as "".
      else if (item === null) list[index] = ''
      else return fail([...at, key, name], `expected a list of strings, found ${describe(item)}`)
    }
    // An own property: even a header named `__proto__` is set, not the prototype.
    value[name] = list
  }
  return value as HeaderMap
}

function readDuration(value: unknown, at: Path, key: string, fail: Fail): number {
  if (value === undefined || value === null) return 0
  if (typeof value !== 'string')
    return fail([...at, key], `expected a Go duration like "1.5s", found ${describe(value)}`)
  // yaml.v2 may write a time.Duration as its integer nanoseconds.
  if (/^-?\d+$/.test(value)) return Number(value) / 1e6
  const ms = parseGoDuration(value)
  if (ms === undefined)
    return fail([...at, key], `expected a Go duration like "1.5s", found ${JSON.stringify(value)}`)
  return ms
}

function pickExtra(value: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  const extra: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (known.has(key)) continue
    extra[key] = INTEGER_EXTRAS.has(key) ? (toInteger(item) ?? item) : intern(item)
  }
  return extra
}

/**
 * A Go integer field: cassettes are read with every plain scalar as its text (as Go reads
 * strings), so numbers arrive as decimal text.
 */
function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined
  if (typeof value !== 'string' || !/^[-+]?\d+$/.test(value)) return undefined
  return Number(value)
}

/** A Go `bool` field, with the YAML 1.1 spellings yaml.v3 also accepts; absent is false. */
function toBoolean(value: unknown): boolean | undefined {
  if (value === undefined || value === null || typeof value === 'boolean') return value ?? false
  if (typeof value !== 'string') return undefined
  return TRUE.test(value) ? true : FALSE.test(value) ? false : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  )
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Uint8Array) return 'binary data'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}
