import { createHash } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { CassetteRecordError } from '../errors/cassette-record-error.js'
import { formatMessage } from '../errors/message.js'
import { isAlive } from './temp-files.js'

/** A lock held longer than this is taken over: its holder hung or was killed elsewhere. */
const STALE_MS = 2 * 60 * 1000
/** How long a writer waits for another one before giving up loudly. */
const WAIT_MS = 60 * 1000
const POLL_MS = 10
const sleeper = new Int32Array(new SharedArrayBuffer(4))

/**
 * Runs `fn` while holding the cross-process lock of one cassette file: a lock file beside it,
 * created exclusively (`O_EXCL`), holding the owner's pid and host. A lock whose process is
 * gone (same host) or older than two minutes is stale and taken over. Synchronous: the lock is
 * held only while a cassette is read, merged and written, never across an `await`.
 *
 * @param path - Absolute path of the cassette.
 * @throws {@link CassetteRecordError} when another writer holds the lock for a minute.
 */
export function withCassetteLock<T>(path: string, fn: () => T): T {
  const folder = dirname(path)
  mkdirSync(folder, { recursive: true })
  // Short, whatever the cassette's name, and recognisable: `.msw-cassette-<hash>.lock`.
  const hash = createHash('sha1').update(basename(path)).digest('hex').slice(0, 16)
  const lock = join(folder, `.msw-cassette-${hash}.lock`)
  const owner = `${process.pid}\n${hostname()}\n`
  const started = Date.now()
  for (;;) {
    try {
      const fd = openSync(lock, 'wx')
      writeSync(fd, owner)
      closeSync(fd)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (isStale(lock)) {
      rmSync(lock, { force: true })
      continue
    }
    if (Date.now() - started > WAIT_MS) {
      throw new CassetteRecordError(
        path,
        formatMessage({
          problem: 'the cassette was not written: another writer has held its lock for a minute',
          file: path,
          details: [`  lock file: ${lock}`],
          hint: 'If no other test run is recording this cassette, delete the lock file and run again.',
        }),
      )
    }
    Atomics.wait(sleeper, 0, 0, POLL_MS)
  }
  try {
    return fn()
  } finally {
    rmSync(lock, { force: true })
  }
}

function isStale(lock: string): boolean {
  try {
    const [pid, host] = readFileSync(lock, 'utf8').split('\n')
    if (host === hostname() && pid !== undefined && pid !== '' && !isAlive(Number(pid))) return true
    return Date.now() - statSync(lock).mtimeMs > STALE_MS
  } catch {
    // Removed meanwhile: the next attempt will tell.
    return false
  }
}
