import { readCassetteFile } from '../cassette/read-cassette.js'
import { resolveCassettePath } from '../cassette/resolve-path.js'
import type { Cassette } from '../cassette/types.js'
import { resolveOptions } from '../options/configure.js'
import type { CassetteOptions } from '../options/types.js'

/**
 * Reads, validates and returns a cassette. Files are parsed once per process and read again
 * only when they change.
 *
 * @param nameOrPath - A cassette name resolved in `dir`, or a path to a `.yaml`/`.yml` file.
 * @param options - `dir` to resolve names in; default the configured one, else `fixtures`.
 * @throws `CassetteNotFoundError`, `CassetteFormatError`.
 * @example const cassette = loadCassette('fixtures/simple_object_streaming.yaml')
 */
export function loadCassette(nameOrPath: string, options?: Pick<CassetteOptions, 'dir'>): Cassette {
  const { dir } = resolveOptions(options, 'loadCassette')
  return readCassetteFile(resolveCassettePath(nameOrPath, dir))
}
