import { existsSync, readFileSync } from 'node:fs'
import { appendedText } from '../cassette/append-cassette.js'
import { chooseLayout, type LayoutOption } from '../cassette/choose-layout.js'
import type { Interaction } from '../cassette/types.js'
import { writeCassette, writeTextAtomically } from '../cassette/write-cassette.js'
import type { RecordMode } from '../options/types.js'

/** What a recording session writes. */
export interface Recording {
  /** Absolute path of the cassette. */
  path: string
  /** The mode that recorded it. */
  mode: RecordMode
  /** Interactions the cassette kept from the file (`new-episodes`), already redacted. */
  keep: readonly Interaction[]
  /** The interactions recorded in this run, in request order. */
  recorded: readonly Interaction[]
  /** How many of `recorded` an earlier save of this run wrote already. */
  saved: number
  /** The `layout` option. */
  layout: LayoutOption | undefined
}

/**
 * Writes a recording. Over an existing file in `new-episodes`, the new interactions are
 * appended in the file's own layout and every byte already there is kept; a file that cannot
 * be extended in place (version 1, or a list that is not last) is written whole, in its own
 * layout. Otherwise the whole cassette is written in the layout {@link chooseLayout} picks.
 *
 * @throws {@link CassetteRecordError} when the file cannot be written.
 */
export function saveRecording(recording: Recording): void {
  const { path, mode, keep, recorded, saved } = recording
  if (mode === 'new-episodes' && existsSync(path)) {
    const own = chooseLayout('auto', path)
    // The file already holds what an earlier save of this run appended.
    const text = appendedText(readFileSync(path, 'utf8'), path, recorded.slice(saved), own)
    if (text !== undefined) writeTextAtomically(path, text)
    else writeCassette(path, [...keep, ...recorded], own)
    return
  }
  writeCassette(path, [...keep, ...recorded], chooseLayout(recording.layout, path))
}
