// Plain Node, ES modules: the entries load, and share one copy of the library.
import * as root from 'msw-cassette'
import * as jest from 'msw-cassette/jest'

if (typeof root.fromCassette !== 'function') throw new Error('msw-cassette: no fromCassette')
if (root.withCassette !== jest.withCassette) throw new Error('two copies of withCassette')
console.log('import: ok')
