import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { isScalar, parseDocument, visit } from 'yaml'
import { appendedText } from '../../src/cassette/append-cassette.js'
import { cassetteYaml } from '../../src/cassette/cassette-yaml.js'
import { detectLayout } from '../../src/cassette/detect-layout.js'
import { GO_VCR_LAYOUT } from '../../src/cassette/layout.js'
import { parseCassette } from '../../src/cassette/read-cassette.js'
import type { Interaction } from '../../src/cassette/types.js'
import { CORPUS, cassetteFiles, GOLDEN } from './golden.js'

const present = existsSync(CORPUS) && existsSync(GOLDEN)
if (!present) console.log(`keeping Go files: skipped, ${CORPUS} or ${GOLDEN} is not there`)

// Every version-2 cassette of the corpus and of the golden files.
const files = present
  ? [...cassetteFiles(CORPUS), ...cassetteFiles(GOLDEN)].filter((path) =>
      /^version: 2$/m.test(readFileSync(path, 'utf8')),
    )
  : []

const ADDED: Interaction = {
  id: 0,
  index: 0,
  request: {
    method: 'POST',
    url: 'https://api.example.test/v1/chat?stream=true',
    body: '{"model":"m-1","messages":[{"role":"user","content":"hi"}]}',
    headers: { 'Content-Type': ['application/json'], 'X-Retry': ['0'] },
    form: {},
    extra: {
      proto: 'HTTP/1.1',
      proto_major: 1,
      proto_minor: 1,
      content_length: 58,
      host: 'api.example.test',
    },
  },
  response: {
    code: 200,
    status: '200 OK',
    body: 'data: {"n":1}\n\ndata: [DONE]\n\n',
    headers: { 'Content-Type': ['text/event-stream'] },
    durationMs: 12.5,
    uncompressed: false,
    extra: { proto: 'HTTP/2.0', proto_major: 2, proto_minor: 0, content_length: -1 },
  },
}

/** Columns of the structure lines of an interaction: `- id`, `request:`, its first field. */
function columns(text: string): number[] {
  const match = /^( *)- id: \d+\n( *)request:\n( *)\S/m.exec(text)
  return match ? [match[1]?.length ?? -1, match[2]?.length ?? -1, match[3]?.length ?? -1] : []
}

/** Where the first non-empty header map's names and values start, relative to `headers:`. */
function headerColumns(text: string): number[] {
  const match = /^( *)headers:\n( *)[A-Z][^:\n]*:\n( *)- /m.exec(text)
  return match ? [match[1]?.length ?? -1, match[2]?.length ?? -1, match[3]?.length ?? -1] : []
}

describe.runIf(present)('saving over a Go project cassette', () => {
  test(`appending keeps every byte of ${files.length} files and writes in their layout`, {
    timeout: 600_000,
  }, () => {
    const kept: string[] = []
    const problems: string[] = []
    for (const path of files) {
      const text = readFileSync(path, 'utf8')
      const count = parseCassette(text, path).interactions.length
      const next = appendedText(text, path, [ADDED], GO_VCR_LAYOUT)
      if (next === undefined) {
        problems.push(`${path}: not appended`)
        continue
      }
      const added =
        count === 0 ? next.slice(next.indexOf('interactions:\n') + 14) : next.slice(text.length)
      const prefix = count === 0 ? text.slice(0, text.indexOf('interactions:')) : text
      if (!next.startsWith(prefix)) problems.push(`${path}: old text changed`)
      if (count > 0 && columns(added).join() !== columns(text).join())
        problems.push(`${path}: indentation ${columns(added)} instead of ${columns(text)}`)
      const own = headerColumns(text)
      const offset = (own[0] ?? 0) - (headerColumns(added)[0] ?? 0)
      const ours = headerColumns(added).map((column) => column + offset)
      if (count > 0 && own.length > 0 && ours.join() !== own.join())
        problems.push(`${path}: header indentation ${ours} instead of ${own}`)
      const back = parseCassette(next, path).interactions
      if (back.length !== count + 1 || back[count]?.id !== count)
        problems.push(`${path}: reads back ${back.length} interactions`)
      kept.push(path)
    }
    console.log(`keeping Go files: ${kept.length} of ${files.length} files appended to in place`)
    expect(problems).toEqual([])
  })

  test('the interactions of every corpus file give the file back in its layout', {
    timeout: 600_000,
  }, () => {
    // Some projects' writers quote bodies their own way (double-quoted JSON with line breaks);
    // everything else must come back byte for byte, bodies included for the rest.
    const differing: string[] = []
    const exact = { 2: 0, 4: 0 }
    let compared = 0
    for (const path of files.filter((file) => file.startsWith(CORPUS))) {
      const text = readFileSync(path, 'utf8')
      const layout = detectLayout(text)
      if (layout === undefined) continue
      compared++
      const written = cassetteYaml(parseCassette(text, path).interactions, layout)
      if (written === text && (layout.indent === 2 || layout.indent === 4)) exact[layout.indent]++
      else if (withoutBodies(written) !== withoutBodies(text)) differing.push(path)
    }
    console.log(
      `corpus files written back: ${exact[2]} 2-space and ${exact[4]} 4-space byte for byte, ${compared - exact[2] - exact[4] - differing.length} with other body quoting, of ${compared}`,
    )
    expect(differing).toEqual([])
  })
})

/** The text with every `body` value replaced by a mark, to compare all but body quoting. */
function withoutBodies(text: string): string {
  const doc = parseDocument(text, { schema: 'failsafe', customTags: ['null', 'binary'] })
  const ranges: [number, number][] = []
  visit(doc, {
    Pair(_, pair) {
      const { key, value } = pair
      if (isScalar(key) && key.value === 'body' && isScalar(value) && value.range)
        ranges.push([value.range[0], value.range[1]])
    },
  })
  let result = text
  for (const [start, end] of ranges.reverse())
    result = `${result.slice(0, start)}<body>${result.slice(end)}`
  // A block scalar's range takes its last line break, a quoted one's does not.
  return result.replace(/<body>\n*/g, '<body>\n')
}
