import { createRequire } from 'node:module'
import type * as JsYaml from 'js-yaml'
import type { LoadOptions, Schema, Type } from 'js-yaml'
import { readBlockYaml } from './block-reader.js'

declare module 'js-yaml' {
  /** js-yaml's own types; it exports them, its published typings leave them out. */
  const types: Readonly<Record<'null' | 'binary', Type>>
  /** The parser's state as the listener sees it; `anchor` is set on a node that has one. */
  interface State {
    anchor?: string | null
  }
}

// js-yaml, loaded on first use: the block reader takes nearly every cassette, and every test
// file (a fresh process under vitest) would pay for loading it.
let jsYaml: typeof JsYaml | undefined
let schema: Schema | undefined

function loadJsYaml(): typeof JsYaml {
  jsYaml ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml
  return jsYaml
}

/**
 * What Go's yaml.v3 gives a string field: every scalar's text (the failsafe schema), plus
 * `null`/`~`/empty as null and `!!binary` as bytes. The same reading as the positional parser's.
 */
export function goSchema(): Schema {
  const { FAILSAFE_SCHEMA, types } = loadJsYaml()
  schema ??= FAILSAFE_SCHEMA.extend({ implicit: [types.null], explicit: [types.binary] })
  return schema
}

// yaml.v3 reads these line separators differently from a YAML 1.2 parser; such rare files take
// the positional parser, which knows how Go reads them.
const LINE_SEPARATORS = /[\u2028\u2029]/

/** Thrown by the listener at the first anchor; never escapes {@link fastParse}. */
class AnchorFound extends Error {}

const OPTIONS: Omit<LoadOptions, 'schema'> = {
  // js-yaml 4 expands aliases without a bound. An alias needs an anchor, so a node with one
  // sends the file to the positional parser, which counts and bounds aliases.
  listener(event, state) {
    if (event === 'close' && state.anchor != null) {
      throw new AnchorFound()
    }
  },
}

/**
 * Parses cassette YAML at JSON-like speed, or gives `undefined` when this file needs the
 * positional parser: a syntax error (whose line and column only that parser reports), an
 * anchor or alias (which only that parser counts and bounds), or text Go reads in its own way.
 *
 * The block reader takes the YAML Go's writers make (nearly every cassette), about twice as fast
 * as js-yaml; js-yaml 4 takes the rest (flow mappings, comments, tags other than `!!binary`).
 * Why js-yaml 4: on the corpus it parses 2.5 times as fast as js-yaml 5, with the same result.
 *
 * @param text - The YAML source.
 */
export function fastParse(text: string): unknown {
  if (LINE_SEPARATORS.test(text)) return undefined
  const block = readBlockYaml(text)
  if (block !== undefined) return block
  // Outside the `try`: a js-yaml that cannot be loaded is a broken install, not a broken file.
  const options = { ...OPTIONS, schema: goSchema() }
  try {
    return loadJsYaml().load(text, options)
  } catch {
    return undefined
  }
}
