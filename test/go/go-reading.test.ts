import { CassetteFormatError, fromCassette } from 'msw-cassette'
import { describe, expect, test } from 'vitest'
import { parseCassette } from '../../src/cassette/read-cassette.js'

function cassette(request: string, response = '    code: 200\n    status: 200 OK\n'): string {
  return `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n${request}  response:\n${response}`
}
const GET = '    url: https://api.example.test/x\n    method: GET\n'

function formatError(text: string): CassetteFormatError {
  try {
    parseCassette(text, 'go.yaml')
  } catch (error) {
    if (error instanceof CassetteFormatError) return error
    throw error
  }
  throw new Error('the cassette was accepted')
}

describe('plain scalars read as Go reads them', () => {
  test.each([
    ['1e3', '1e3'],
    ['1.10', '1.10'],
    ['0x1F', '0x1F'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['true', 'true'],
    ['2025-07-01', '2025-07-01'],
    ['~', ''],
    ['null', ''],
    ['"null"', 'null'],
  ])('body: %s is the text %j', (scalar, text) => {
    const [interaction] = parseCassette(
      cassette(`${GET}    body: ${scalar}\n`),
      'go.yaml',
    ).interactions
    expect(interaction?.request.body).toBe(text)
  })

  test('header values and the status keep their text; numbers are integers', () => {
    const request = `    content_length: 15\n    proto_major: 1\n    headers:\n      X-Hex:\n      - 0x1F\n${GET}`
    const response = '    code: 404\n    status: 404\n    duration: 0\n    uncompressed: true\n'
    const [interaction] = parseCassette(cassette(request, response), 'go.yaml').interactions
    expect(interaction?.request.headers).toEqual({ 'X-Hex': ['0x1F'] })
    expect(interaction?.request.extra).toMatchObject({ content_length: 15, proto_major: 1 })
    expect(interaction?.response).toMatchObject({ code: 404, status: '404', uncompressed: true })
    expect(interaction?.id).toBe(0)
  })
})

describe('keys go-vcr needs', () => {
  test.each([
    ['interactions', '---\nversion: 2\ninteraction:\n- id: 0\n', 2],
    ['request', '---\nversion: 2\ninteractions:\n- id: 0\n  response:\n    code: 200\n', 4],
    ['response', `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n${GET}`, 4],
    ['url', cassette('    method: GET\n'), 6],
    ['method', cassette('    url: https://api.example.test/x\n'), 6],
    ['code', cassette(GET, '    status: 200 OK\n'), 9],
  ])('a missing `%s` is a format error with its line', (key, text, line) => {
    const error = formatError(text)
    expect(error.code).toBe('ERR_CASSETTE_INVALID')
    expect(error.message).toContain(`missing key \`${key}\``)
    expect(error.location.line).toBe(line)
  })

  test('unknown keys are ignored, as go-vcr ignores them, and listed', () => {
    const text = cassette(`${GET}    bdy: hello\n`, '    code: 200\n    stauts: 200 OK\n')
    const read = parseCassette(`${text}extra_top: 1\n`, 'go.yaml')
    expect(read.interactions[0]?.request.body).toBe('')
    expect(read.ignoredKeys).toEqual([
      'extra_top',
      'interactions.0.request.bdy',
      'interactions.0.response.stauts',
    ])
  })
})

test('the debug log names the keys go-vcr ignores', () => {
  const lines: string[] = []
  const text = cassette(`${GET}    bdy: hello\n`)
  fromCassette(parseCassette(text, 'typo.yaml'), { debug: (line) => lines.push(line) })
  expect(lines).toEqual([
    'typo.yaml: keys go-vcr does not read, ignored: interactions.0.request.bdy',
  ])
})
