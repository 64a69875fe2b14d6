import { existsSync, readFileSync, statSync } from 'node:fs'
import { parseCassette } from '../cassette/read-cassette.js'
import type { Interaction } from '../cassette/types.js'
import { CassetteError } from '../errors/cassette-error.js'
import { CassetteRecordError } from '../errors/cassette-record-error.js'
import { formatMessage } from '../errors/message.js'

/** What a cassette file looked like: `missing`, or its modification time and size. */
export type FileState = string

/** The file's state now, to tell later whether another writer changed it. */
export function fileState(path: string): FileState {
  if (!existsSync(path)) return 'missing'
  const stats = statSync(path)
  return `${stats.mtimeMs}:${stats.size}:${stats.ino}`
}

/**
 * The interactions the file holds now, `undefined` when there is no file.
 *
 * @throws {@link CassetteRecordError} when a file is there that is not a cassette: it is never
 *   overwritten.
 */
export function readCurrentInteractions(path: string): Interaction[] | undefined {
  if (!existsSync(path)) return undefined
  try {
    return parseCassette(readFileSync(path, 'utf8'), path).interactions
  } catch (error) {
    if (!(error instanceof CassetteError)) throw error
    throw new CassetteRecordError(
      path,
      formatMessage({
        problem: 'the cassette was not written: a file is there that is not a cassette',
        file: path,
        details: [`  ${error.message.split('\n')[0] ?? ''}`],
        hint: 'It was left as it is. Choose another cassette name, or move the file away.',
      }),
      { cause: error },
    )
  }
}
