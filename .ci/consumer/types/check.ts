// Types of every entry, as a user's TypeScript sees them. Compiled under each moduleResolution.
import { type Cassette, CassetteError, configure, fromCassette, loadCassette } from 'msw-cassette'
import { useCassette as useJestCassette } from 'msw-cassette/jest'
import { type CassetteHandle, useCassette, withCassette } from 'msw-cassette/vitest'

configure({ dir: 'fixtures' })
const cassette: Cassette = loadCassette('simple_object_streaming')
const handlers = fromCassette(cassette)
handlers.reset()
const handle: CassetteHandle = useCassette('simple_object_streaming', { strict: true })
const jestHandle: CassetteHandle = useJestCassette('simple_object_streaming')
const done: Promise<number> = withCassette('simple_object_streaming', async () => 1)
const isError: boolean = new Error() instanceof CassetteError

export { done, handle, isError, jestHandle }
