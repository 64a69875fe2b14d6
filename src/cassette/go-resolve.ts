// How Go's yaml.v3 resolves an unquoted scalar. Its encoder quotes a string whenever the plain
// form would read back as something else, so a writer that must match Go byte for byte needs
// the same answer. These are facts about yaml.v3 3.0.1 (resolve.go, encode.go), not a YAML
// 1.2 schema: YAML 1.1 booleans and base-60 numbers are quoted too.

const RESERVED = new Set([
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
])
const OLD_BOOLS = new Set('y Y yes Yes YES on On ON n N no No NO off Off OFF'.split(' '))
const BASE_60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d{1,9})?(Z|[+-]\d{2}:\d{2})?)?$/
const INT64_MIN = -(2n ** 63n)
const UINT64_MAX = 2n ** 64n - 1n

/**
 * Whether yaml.v3 writes this string unquoted: it would read back as a string, and is neither a
 * YAML 1.1 boolean (`yes`, `off`) nor a base-60 number (`1:30`), which yaml.v3 quotes for older
 * readers.
 */
export function goCanBePlain(value: string): boolean {
  return resolvesToString(value) && !OLD_BOOLS.has(value) && !isBase60(value)
}

function resolvesToString(value: string): boolean {
  if (RESERVED.has(value)) return false
  const first = value[0] ?? ''
  if (first === '.') return !DOT_FLOAT.test(value)
  if (!/[-+0-9]/.test(first)) return true
  if (isTimestamp(value)) return false
  const plain = value.replaceAll('_', '')
  if (isGoInt(plain)) return false
  return !(YAML_FLOAT.test(plain) && Number.isFinite(Number(plain)))
}

// Go's strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64) for what does not fit.
function isGoInt(text: string): boolean {
  const match = GO_INT.exec(text)
  if (!match) return false
  const sign = match[1] ?? ''
  let digits = match[2] ?? ''
  if (/^0[oO]/.test(digits)) digits = `0o${digits.slice(2)}`
  else if (/^0[0-7]+$/.test(digits)) digits = `0o${digits.slice(1)}`
  const magnitude = BigInt(digits.toLowerCase())
  const value = sign === '-' ? -magnitude : magnitude
  if (value < INT64_MIN) return false
  return sign === '+' ? value < 2n ** 63n : value <= UINT64_MAX
}

function isBase60(value: string): boolean {
  return /^[-+0-9]/.test(value) && value.includes(':') && BASE_60.test(value)
}

// The four layouts yaml.v3 tries with Go's time.Parse, which also checks each field's range.
function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value)
  if (!match) return false
  const [, year, month, day, separator, hour, minute, second, zone] = match
  if (separator === ' ' && zone !== undefined) return false
  if ((separator === 'T' || separator === 't') && zone === undefined) return false
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return false
  if (separator === undefined) return true
  return Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60
}
