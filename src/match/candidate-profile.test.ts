import { expect, test } from 'vitest'
import type { Interaction } from '../cassette/types.js'
import {
  candidateProfile,
  commonPrefix,
  liveShare,
  partDistance,
  type SortedPart,
} from './candidate-profile.js'
import type { RequestKey } from './request-parts.js'

/** A small random generator with a seed, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

function words(next: () => number, count: number): string[] {
  // A tiny alphabet and shared stems: many long common starts and ends, as recorded bodies have.
  const stems = ['json:{"model":"a","q":"', 'json:{"model":"b","q":"', '']
  return Array.from({ length: count }, () => {
    const stem = stems[Math.floor(next() * stems.length)] ?? ''
    const tail = Array.from(
      { length: Math.floor(next() * 90) },
      () => 'ab"}'[Math.floor(next() * 4)],
    )
    return `${stem}${tail.join('')}`
  })
}

function profileOf(values: string[]): SortedPart {
  const interactions = values.map((_, index) => ({ index }) as Interaction)
  const keys = new Map(
    interactions.map((interaction, at) => [
      interaction,
      { method: 'POST', url: '', headers: '', body: values[at] ?? '' } satisfies RequestKey,
    ]),
  )
  return candidateProfile(interactions, (interaction) => keys.get(interaction) as RequestKey).body
}

test('the common start of a live value with every candidate is exact', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const next = random(seed)
    const values = words(next, 1 + Math.floor(next() * 60))
    const part = profileOf(values)
    for (const live of [...words(next, 10), ...values.slice(0, 3)]) {
      const share = liveShare(part, live)
      values.forEach((value, at) => {
        const expected = commonPrefix(value, live, Math.min(value.length, live.length))
        expect(share.start[at], `seed ${seed}, ${JSON.stringify([value, live])}`).toBe(expected)
      })
    }
  }
})

test('the distance is 0 exactly for an equal value, and never more than the longer length', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const next = random(seed)
    const values = words(next, 1 + Math.floor(next() * 60))
    const part = profileOf(values)
    for (const live of [...words(next, 10), ...values.slice(0, 5)]) {
      const share = liveShare(part, live)
      values.forEach((value, at) => {
        const distance = partDistance(part, live, share, at)
        expect(distance === 0, `seed ${seed}, ${JSON.stringify([value, live])}`).toBe(
          value === live,
        )
        expect(distance).toBeLessThanOrEqual(Math.max(value.length, live.length))
      })
    }
  }
})
