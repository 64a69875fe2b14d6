import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Files written by go-vcr v4 itself, beside the project (never copied into it). */
export const GOLDEN = resolve(process.cwd(), '../shared/interop/go-vcr-v4')
/** Real cassettes from Go projects, beside the project. */
export const CORPUS = resolve(process.cwd(), '../shared/corpus')

/** Whether the golden files are there; logs why a suite is skipped when they are not. */
export function goldenPresent(suite: string): boolean {
  const present = existsSync(GOLDEN)
  if (!present) console.log(`${suite}: skipped, ${GOLDEN} is not there`)
  return present
}

/** The golden `recorded/*.yaml` files, by case name. */
export function recordedCases(): { name: string; path: string; text: string }[] {
  const folder = join(GOLDEN, 'recorded')
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const path = join(folder, file)
      return { name: file.replace(/\.yaml$/, ''), path, text: readFileSync(path, 'utf8') }
    })
}

/** The 55 tricky bodies, each as bytes, with the file yaml.v3 wrote for it. */
export function trickyCases(): { index: number; path: string; text: string; body: Buffer }[] {
  const folder = join(GOLDEN, 'tricky')
  const { bodies } = JSON.parse(readFileSync(join(folder, 'bodies.json'), 'utf8')) as {
    bodies: string[]
  }
  return bodies.map((base64, index) => {
    const path = join(folder, `${String(index).padStart(2, '0')}.yaml`)
    return { index, path, text: readFileSync(path, 'utf8'), body: Buffer.from(base64, 'base64') }
  })
}

/** Every cassette file under a folder, recursively. */
export function cassetteFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return cassetteFiles(path)
    return /\.ya?ml$/.test(entry.name) ? [path] : []
  })
}
