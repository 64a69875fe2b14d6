import { CassetteError } from './cassette-error.js'

/** Thrown when an option has an unknown name or a value of the wrong kind. */
export class CassetteOptionsError extends CassetteError {
  constructor(message: string) {
    super('ERR_CASSETTE_OPTIONS', message)
    this.name = 'CassetteOptionsError'
  }
}
