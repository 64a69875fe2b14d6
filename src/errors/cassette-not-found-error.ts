import { CassetteError } from './cassette-error.js'

/** Thrown when a cassette name or path resolves to no file. */
export class CassetteNotFoundError extends CassetteError {
  /** The path that was looked for. */
  readonly path: string
  /** Cassette names that do exist in the folder that was searched. */
  readonly available: string[]

  constructor(path: string, message: string, available: string[]) {
    super('ERR_CASSETTE_NOT_FOUND', message)
    this.name = 'CassetteNotFoundError'
    this.path = path
    this.available = available
  }
}
