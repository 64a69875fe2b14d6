import { parseCassette } from '../cassette/read-cassette.js'
import type { Cassette } from '../cassette/types.js'
import { CassetteError } from '../errors/cassette-error.js'
import { findSecrets, type SecretFinding } from '../secrets/find-secrets.js'
import { isPlaceholder } from '../secrets/placeholder.js'
import type { Redactor } from '../secrets/redactor.js'

/** What `scan` found in one file. */
export type ScanResult =
  | {
      kind: 'scanned'
      cassette: Cassette
      findings: { interaction: number; finding: SecretFinding }[]
    }
  /** A YAML file that is not a cassette (a CI config, a fixture of another kind). */
  | { kind: 'skipped'; reason: string }

/** The values every request of the cassette sent in its secret fields, placeholders left out. */
export function cassetteSecrets(cassette: Cassette, redactor: Redactor): string[] {
  const values = new Set(cassette.interactions.flatMap(redactor.secretsOf))
  return [...values].filter((value) => !isPlaceholder(value))
}

/**
 * Every secret the default rules find in a cassette's text: tokens of well-known formats,
 * credential values from the environment, and secret headers and parameters whose value is
 * not a placeholder.
 *
 * @param text - The file's text.
 * @param path - Its path, for messages.
 */
export function scanCassette(text: string, path: string, redactor: Redactor): ScanResult {
  let cassette: Cassette
  try {
    cassette = parseCassette(text, path)
  } catch (error) {
    if (!(error instanceof CassetteError)) throw error
    return { kind: 'skipped', reason: error.message.split('\n')[0] ?? '' }
  }
  const findings: { interaction: number; finding: SecretFinding }[] = []
  // A secret one interaction sends may show up in another: a signed URL a response hands out.
  const values = [...redactor.values, ...cassetteSecrets(cassette, redactor)]
  cassette.interactions.forEach((interaction, at) => {
    const names = (name: string) => redactor.isSecretName(name)
    const jsonKeys = redactor.isSecretJsonKey
    for (const finding of findSecrets(interaction, { values, names, jsonKeys })) {
      findings.push({ interaction: at, finding })
    }
  })
  return { kind: 'scanned', cassette, findings }
}
