import type { Document, DocumentOptions, ParseOptions, SchemaOptions } from 'yaml'
import { parseDocument } from './yaml.js'

/**
 * How cassettes are parsed. Go decodes a plain scalar into a string field as its text (`1e3`
 * stays "1e3", `0x1F` stays "0x1F") and a plain `~`/`null`/empty one as "". The failsafe
 * schema keeps every scalar's text; `null` and `binary` add Go's null and `!!binary`. Integer
 * fields are converted by the validator.
 */
export const GO_READING: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'failsafe',
  customTags: ['null', 'binary'],
  prettyErrors: false,
}

/** The YAML document of a cassette's text, read as Go reads it (see {@link GO_READING}). */
export function parseGoDocument(text: string): Document {
  return parseDocument(text, GO_READING)
}
