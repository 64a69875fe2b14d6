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

/** One recorded value against one live value, with the profile and share they come from. */
interface Pair {
  part: SortedPart
  live: string
  share: ReturnType<typeof liveShare>
  value: string
  at: number
  label: string
}

/**
 * Calls `check` for every recorded value against every live value, over 40 seeded lists of
 * candidates; the live values are new ones and a few of the recorded ones.
 */
function eachPair(check: (pair: Pair) => void): void {
  for (let seed = 1; seed <= 40; seed++) {
    const next = random(seed)
    const values = words(next, 1 + Math.floor(next() * 60))
    const part = profileOf(values)
    for (const live of [...words(next, 10), ...values.slice(0, 5)]) {
      const share = liveShare(part, live)
      values.forEach((value, at) => {
        check({
          part,
          live,
          share,
          value,
          at,
          label: `seed ${seed}, ${JSON.stringify([value, live])}`,
        })
      })
    }
  }
}

test('the common start of a live value with every candidate is exact', () => {
  eachPair(({ live, share, value, at, label }) => {
    const expected = commonPrefix(value, live, Math.min(value.length, live.length))
    expect(share.start[at], label).toBe(expected)
  })
})

test('the distance is 0 exactly for an equal value, and never more than the longer length', () => {
  eachPair(({ part, live, share, value, at, label }) => {
    const distance = partDistance(part, live, share, at)
    expect(distance === 0, label).toBe(value === live)
    expect(distance).toBeLessThanOrEqual(Math.max(value.length, live.length))
  })
})
