import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'

// The `yaml` package, loaded on first use. Replaying a cassette the fast reader reads never
// needs it (it parses broken and unusual files with positions, and writes recordings), and
// loading its many modules cost every test file about 30 ms, when vitest starts each file in a
// fresh process.
let loaded: typeof Yaml | undefined

function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml
  return loaded
}

/** `yaml`'s `parseDocument`, loading the package on first use. */
export function parseDocument(
  source: string,
  options?: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions,
): Yaml.Document.Parsed {
  return yaml().parseDocument(source, options)
}

/** A new `yaml` `LineCounter`, loading the package on first use. */
export function lineCounter(): Yaml.LineCounter {
  return new (yaml().LineCounter)()
}

/** `yaml`'s `visit`, loading the package on first use. */
export function visit(node: Yaml.Node | Yaml.Document, visitor: Yaml.visitor): void {
  yaml().visit(node, visitor)
}

/** `yaml`'s `visit.BREAK`: returned by a visitor to stop the walk. */
export function visitBreak(): symbol {
  return yaml().visit.BREAK
}

/** Whether a node is a block or flow mapping. */
export function isMap(node: unknown): node is Yaml.YAMLMap {
  return yaml().isMap(node)
}

/** Whether a node is a block or flow sequence. */
export function isSeq(node: unknown): node is Yaml.YAMLSeq {
  return yaml().isSeq(node)
}

/** Whether a node is a scalar. */
export function isScalar(node: unknown): node is Yaml.Scalar {
  return yaml().isScalar(node)
}

/** Whether a node is a key/value pair. */
export function isPair(node: unknown): node is Yaml.Pair {
  return yaml().isPair(node)
}
