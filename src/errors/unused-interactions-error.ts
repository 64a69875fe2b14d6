import { CassetteError } from './cassette-error.js'

/** How the error names an interaction: its id and recorded request (an `Interaction` fits). */
export interface UnusedInteraction {
  readonly id: number
  readonly request: { readonly method: string; readonly url: string }
}

/**
 * Thrown by `verify()` in strict mode (`strict: true`) when recorded interactions were never
 * requested: the code under test made fewer requests than were recorded.
 */
export class UnusedInteractionsError extends CassetteError {
  /** The cassette file. */
  readonly path: string
  /** The interactions never requested, in file order. */
  readonly unused: readonly UnusedInteraction[]

  constructor(path: string, unused: readonly UnusedInteraction[], message: string) {
    super('ERR_CASSETTE_UNUSED', message)
    this.name = 'UnusedInteractionsError'
    this.path = path
    this.unused = unused
  }
}
