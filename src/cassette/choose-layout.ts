import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { detectLayout } from './detect-layout.js'
import { type CassetteLayout, GO_VCR_LAYOUT, NAMED_LAYOUTS, sameLayout } from './layout.js'

/**
 * The `layout` option: `'auto'` (default) follows the file being replaced, else the cassettes
 * beside it when they agree, else go-vcr's own layout; `'go-vcr'` and `'compact'` name a layout;
 * an object spells one out.
 */
export type LayoutOption = 'auto' | keyof typeof NAMED_LAYOUTS | CassetteLayout

// Enough neighbours to see a folder's habit without reading a large folder whole.
const NEIGHBOURS = 20

/**
 * The layout a cassette is written in when it is written whole (a new file, or `record`
 * replacing one). Appending to an existing file always keeps that file's layout instead.
 *
 * @param option - The `layout` option.
 * @param path - Absolute path of the cassette about to be written.
 */
export function chooseLayout(option: LayoutOption | undefined, path: string): CassetteLayout {
  if (typeof option === 'object') return option
  if (option !== undefined && option !== 'auto') return NAMED_LAYOUTS[option]
  return (existsSync(path) ? layoutOfFile(path) : undefined) ?? folderLayout(path) ?? GO_VCR_LAYOUT
}

/** The layout the other cassettes in the folder share, or `undefined` if they differ or none. */
function folderLayout(path: string): CassetteLayout | undefined {
  const folder = dirname(path)
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return undefined
  }
  let shared: CassetteLayout | undefined
  const neighbours = names
    .filter((name) => /\.ya?ml$/.test(name) && name !== basename(path))
    .sort()
    .slice(0, NEIGHBOURS)
  for (const name of neighbours) {
    const layout = layoutOfFile(join(folder, name))
    if (layout === undefined) continue
    if (shared !== undefined && !sameLayout(shared, layout)) return undefined
    shared = layout
  }
  return shared
}

function layoutOfFile(path: string): CassetteLayout | undefined {
  try {
    return detectLayout(readFileSync(path, 'utf8'))
  } catch {
    // Unreadable neighbours say nothing about the folder's habit.
    return undefined
  }
}
