import { interactionText } from './emit-interaction.js'
import { type CassetteLayout, GO_VCR_LAYOUT } from './layout.js'
import type { Interaction } from './types.js'

/**
 * A whole cassette as go-vcr v4 writes it: `---`, `version: 2`, then each interaction (see
 * {@link interactionText}), ids from 0; `interactions: []` when there are none.
 *
 * @param interactions - In the order to write them; ids are renumbered from 0.
 * @param layout - Default: go-vcr's own.
 * @param quoted - Indexes of interactions whose bodies are double-quoted (a fallback for text
 *   another style would not read back exactly).
 */
export function cassetteYaml(
  interactions: readonly Interaction[],
  layout: CassetteLayout = GO_VCR_LAYOUT,
  quoted: ReadonlySet<number> = new Set(),
): string {
  if (interactions.length === 0) return '---\nversion: 2\ninteractions: []\n'
  const items = interactions.map((interaction, id) =>
    interactionText(interaction, id, layout, quoted.has(id)),
  )
  return `---\nversion: 2\ninteractions:\n${items.join('')}`
}
