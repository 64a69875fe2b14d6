import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

// `.msw-cassette-<pid>-<random>.tmp`: recognisable in a fixtures folder, short whatever the
// cassette's name (a name of 250 characters still fits the 255-byte limit of file names), and
// carrying the writer's pid, so a later run can tell an orphan from a file being written.
const TEMP = /^\.msw-cassette-(\d+)-[0-9a-f]+\.tmp$/
// `.msw-cassette-<hash>.lock` (see cassette-lock.ts): holds the owner's pid and host.
const LOCK = /^\.msw-cassette-[0-9a-f]{16}\.lock$/
/** A temporary file older than this is an orphan even when its pid is alive again (reused). */
const ORPHAN_AGE_MS = 60 * 60 * 1000

/** A fresh temporary file name in `folder`, unique per process and call. */
export function tempPathIn(folder: string, suffix: 'tmp' | 'lock' = 'tmp'): string {
  return join(folder, `.msw-cassette-${process.pid}-${randomBytes(4).toString('hex')}.${suffix}`)
}

/**
 * Removes temporary files a killed writer left in `folder`: those whose process is gone, or
 * that are older than an hour, and lock files whose process (on this host) is gone. Files of
 * live writers stay. Never throws: cleanup must not stop a recording.
 */
export function removeOrphanTempFiles(folder: string): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    if (LOCK.test(name)) {
      removeDeadLock(join(folder, name))
      continue
    }
    const match = TEMP.exec(name)
    if (!match) continue
    const path = join(folder, name)
    try {
      if (isAlive(Number(match[1])) && Date.now() - statSync(path).mtimeMs < ORPHAN_AGE_MS) continue
      rmSync(path, { force: true })
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function removeDeadLock(path: string): void {
  try {
    const [pid, host] = readFileSync(path, 'utf8').split('\n')
    if (host === hostname() && pid && !isAlive(Number(pid))) rmSync(path, { force: true })
  } catch {
    // Released meanwhile.
  }
}

/** Whether a process with this pid runs (on this machine). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
