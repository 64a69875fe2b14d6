import { describe, expect, test } from 'vitest'
import { cassetteYaml } from '../../src/cassette/cassette-yaml.js'
import { GO_VCR_LAYOUT } from '../../src/cassette/layout.js'
import { parseCassette } from '../../src/cassette/read-cassette.js'
import type { Body } from '../../src/cassette/types.js'
import { goldenPresent, recordedCases, trickyCases } from './golden.js'

const present = goldenPresent('golden writes')
// Bodies yaml.v3 writes in a form it cannot read back itself: a literal block opening with a
// tab (10) or with line breaks (21), and a raw U+2028/U+2029 (24, 46). msw-cassette writes
// these double-quoted, with escapes, which yaml.v3 reads.
const UNREADABLE_IN_GO = new Set([10, 21, 24, 46])

function bytesOf(body: Body): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
}

describe.runIf(present)('writing as go-vcr v4 writes', () => {
  test.each(present ? recordedCases() : [])(
    'the interactions of recorded/$name.yaml give the file back byte for byte',
    ({ path, text }) => {
      expect(cassetteYaml(parseCassette(text, path).interactions, GO_VCR_LAYOUT)).toBe(text)
    },
  )

  const tricky = present ? trickyCases() : []

  test.each(tricky.filter(({ index }) => !UNREADABLE_IN_GO.has(index)))(
    'tricky body $index is written as yaml.v3 writes it',
    ({ path, text, body }) => {
      const cassette = parseCassette(text, path)
      // Entry 21 is read from Go's file with a line break too few; write the real body.
      const written = cassetteYaml(cassette.interactions, GO_VCR_LAYOUT)
      expect(written).toBe(text)
      const [back] = parseCassette(written, path).interactions
      expect(bytesOf(back?.response.body ?? '')).toEqual(body)
    },
  )

  test.each(tricky.filter(({ index }) => UNREADABLE_IN_GO.has(index)))(
    'tricky body $index, which yaml.v3 cannot read back as Go wrote it, is double-quoted and reads back',
    ({ path, text, body }) => {
      const [interaction] = parseCassette(text, path).interactions
      if (!interaction) throw new Error(`${path} holds no interaction`)
      const exact = body.toString('utf8')
      const item = {
        ...interaction,
        request: { ...interaction.request, body: exact },
        response: { ...interaction.response, body: exact },
      }
      const written = cassetteYaml([item], GO_VCR_LAYOUT)
      const bodies = [...written.matchAll(/^ {8}body: (.*)$/gm)].map((match) => match[1])
      expect(bodies).toHaveLength(2)
      for (const scalar of bodies) expect(scalar).toMatch(/^".*"$/)
      const [back] = parseCassette(written, path).interactions
      expect(bytesOf(back?.request.body ?? '')).toEqual(body)
      expect(bytesOf(back?.response.body ?? '')).toEqual(body)
    },
  )
})
