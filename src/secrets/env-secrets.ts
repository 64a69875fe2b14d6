import { SECRET_ENV_MIN_LENGTH, SECRET_ENV_NAME } from '../options/defaults.js'

/**
 * The values of environment variables that conventionally hold credentials (`*_API_KEY`,
 * `*_TOKEN`, `*_SECRET`, `*_PASSWORD`, `*_ACCESS_KEY`...), long enough to be secrets. A key
 * the code under test reads from the environment is then replaced wherever it shows up,
 * without naming it in `redact.values`.
 *
 * @param env - Default `process.env`.
 */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const values: string[] = []
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < SECRET_ENV_MIN_LENGTH) continue
    if (SECRET_ENV_NAME.test(name)) values.push(value)
  }
  return values
}
