import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { CassetteRecordError } from '../errors/cassette-record-error.js'
import { formatMessage } from '../errors/message.js'
import { cassetteYaml } from './cassette-yaml.js'
import { type CassetteLayout, GO_VCR_LAYOUT } from './layout.js'
import { parseCassette } from './read-cassette.js'
import { removeOrphanTempFiles, tempPathIn } from './temp-files.js'
import type { Body, Interaction } from './types.js'

/**
 * Writes interactions to a cassette file as go-vcr v4 would, without ever leaving a partial
 * file: the text is checked to read back to the same interactions, written to a temporary file
 * beside the target, flushed, and renamed over it. A process that dies half-way leaves the
 * previous cassette as it was. Parent folders are created.
 *
 * @param path - Absolute path of the cassette.
 * @param interactions - In order; ids are renumbered from 0.
 * @param layout - Indentation, list style and empty fields; default go-vcr's own.
 * @throws {@link CassetteRecordError} when the file cannot be written.
 * @example writeCassette('/repo/fixtures/chat.yaml', cassette.interactions)
 */
export function writeCassette(
  path: string,
  interactions: readonly Interaction[],
  layout: CassetteLayout = GO_VCR_LAYOUT,
): void {
  writeTextAtomically(path, verifiedYaml(path, interactions, layout))
}

/**
 * Writes text to a temporary file beside `path`, flushes it and renames it over `path`, so
 * the file is never seen half-written.
 *
 * @throws {@link CassetteRecordError} when the file cannot be written.
 */
export function writeTextAtomically(path: string, text: string): void {
  const folder = dirname(path)
  // Unique per process and call, so two writers never share a temporary file.
  const temp = tempPathIn(folder)
  try {
    mkdirSync(folder, { recursive: true })
    removeOrphanTempFiles(folder)
    const fd = openSync(temp, 'w')
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (error) {
    removeQuietly(temp)
    throw new CassetteRecordError(
      path,
      formatMessage({
        problem: `cannot write the cassette: ${(error as Error).message}`,
        file: path,
        hint: 'The previous file, if any, is unchanged. Check that the folder is writable.',
      }),
      { cause: error },
    )
  }
}

/**
 * The YAML for the interactions, parsed back and compared before anything is written. A body
 * that does not come back exactly is written double-quoted instead.
 */
function verifiedYaml(
  path: string,
  interactions: readonly Interaction[],
  layout: CassetteLayout,
): string {
  let quoted = new Set<number>()
  for (let attempt = 0; attempt < 2; attempt++) {
    const text = cassetteYaml(interactions, layout, quoted)
    const differing = differences(parseCassette(text, path).interactions, interactions)
    if (differing.size === 0) return text
    quoted = new Set([...quoted, ...differing])
  }
  throw new CassetteRecordError(
    path,
    formatMessage({
      problem: `the cassette would not read back as recorded (interactions ${[...quoted].join(', ')}), so it was not written`,
      file: path,
      hint: 'Please report this with the response that was recorded.',
    }),
  )
}

/**
 * Indexes of the interactions that did not read back as written.
 *
 * @param read - What the text gave.
 * @param written - What was meant.
 */
export function differences(
  read: readonly Interaction[],
  written: readonly Interaction[],
): Set<number> {
  const differing = new Set<number>()
  written.forEach((interaction, at) => {
    const back = read[at]
    if (
      !back ||
      back.request.url !== interaction.request.url ||
      back.request.method !== interaction.request.method ||
      !sameBody(back.request.body, interaction.request.body) ||
      !sameBody(back.response.body, interaction.response.body) ||
      back.response.code !== interaction.response.code
    ) {
      differing.add(at)
    }
  })
  return differing
}

function sameBody(a: Body, b: Body): boolean {
  if (typeof a === 'string' || typeof b === 'string') return text(a) === text(b)
  return Buffer.from(a).equals(Buffer.from(b))
}

// An empty byte body is written as `""`, which reads back as text.
function text(body: Body): string | Body {
  return typeof body !== 'string' && body.byteLength === 0 ? '' : body
}

// Cleanup must not hide the error that made it necessary (the folder may not even exist).
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // Nothing was left there to remove.
  }
}
