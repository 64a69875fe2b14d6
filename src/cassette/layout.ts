/**
 * How a cassette file is laid out. Two layouts exist in the wild, both written by Go's yaml.v3:
 * go-vcr's own (4-space indentation, list items indented, every field written even when empty)
 * and a 2-space one with list items at their key's column and empty fields left out.
 */
export interface CassetteLayout {
  /** Spaces per indentation step: 4 for go-vcr, 2 for the compact layout. */
  indent: number
  /** `- ` is indented under its key (go-vcr) rather than written at the key's column. */
  indentSequences: boolean
  /**
   * `all`: every go-vcr field is written, empty ones too (`transfer_encoding: []`,
   * `trailer: {}`, `remote_addr: ""`, `form: {}`, `uncompressed: false`), as go-vcr v4.0.1
   * does. `omit`: empty optional fields are left out, as later go-vcr v4 releases do.
   */
  emptyFields: 'all' | 'omit'
  /**
   * `yaml.v3` (default): each string in the style Go's yaml.v3 picks (plain, single-quoted,
   * double-quoted with escapes, or a literal block). `double`: double quotes wherever yaml.v3
   * would write single quotes or a literal block, as some projects' writers do.
   */
  quoting?: 'yaml.v3' | 'double'
}

/** go-vcr v4's own layout: the one a Go project gets from `recorder.Stop()`. */
export const GO_VCR_LAYOUT: Readonly<CassetteLayout> = Object.freeze({
  indent: 4,
  indentSequences: true,
  emptyFields: 'all',
})

/** The 2-space layout without empty fields, as in many Go projects' fixtures. */
export const COMPACT_LAYOUT: Readonly<CassetteLayout> = Object.freeze({
  indent: 2,
  indentSequences: false,
  emptyFields: 'omit',
})

/** Named layouts the `layout` option accepts. */
export const NAMED_LAYOUTS = { 'go-vcr': GO_VCR_LAYOUT, compact: COMPACT_LAYOUT } as const

/**
 * Where yaml.v3 puts a block nested under a key at `column`: the next multiple of the step,
 * so a mapping inside a list item (`- id: 0` at 4, `request:` at 6) has its fields at 8.
 */
export function nestedColumn(layout: CassetteLayout, column: number): number {
  return layout.indent * Math.floor((column + layout.indent) / layout.indent)
}

/** Where the `- ` of a list under a key at `column` goes. */
export function sequenceColumn(layout: CassetteLayout, column: number): number {
  return layout.indentSequences ? nestedColumn(layout, column) : column
}

/** Whether two layouts write the same text. */
export function sameLayout(a: CassetteLayout, b: CassetteLayout): boolean {
  return (
    a.indent === b.indent &&
    a.indentSequences === b.indentSequences &&
    a.emptyFields === b.emptyFields &&
    (a.quoting ?? 'yaml.v3') === (b.quoting ?? 'yaml.v3')
  )
}
