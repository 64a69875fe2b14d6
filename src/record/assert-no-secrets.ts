import type { Interaction } from '../cassette/types.js'
import { CassetteRecordError } from '../errors/cassette-record-error.js'
import { formatMessage } from '../errors/message.js'
import { findSecrets } from '../secrets/find-secrets.js'
import type { Redactor } from '../secrets/redactor.js'

/**
 * The last check before a cassette is written: no known secret value and no token of a
 * well-known format may be left in any field, whatever put it there (a field redaction does
 * not touch, an old interaction kept by `new-episodes`).
 *
 * @throws {@link CassetteRecordError} naming each interaction and field, never the secret.
 */
export function assertNoSecrets(
  path: string,
  interactions: readonly Interaction[],
  redactor: Redactor,
): void {
  const details: string[] = []
  interactions.forEach((interaction, at) => {
    for (const finding of findSecrets(interaction, { values: redactor.values })) {
      const request = `${interaction.request.method} ${redactor.url(interaction.request.url)}`
      details.push(`  interaction ${at} (${request}): ${finding.field} holds a ${finding.kind}`)
    }
  })
  if (details.length === 0) return
  throw new CassetteRecordError(
    path,
    formatMessage({
      problem: 'the cassette was not written, because secrets are left in it:',
      file: path,
      details,
      hint: 'The previous cassette, if any, is unchanged. Redact these fields (the `redact` option), or exempt a name with `redact.allow` if it is no secret.',
    }),
  )
}
