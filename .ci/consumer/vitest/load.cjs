// Plain Node, CommonJS: every CommonJS entry loads, and they share one copy of the library.
const root = require('msw-cassette')
const jest = require('msw-cassette/jest')
if (typeof root.fromCassette !== 'function') throw new Error('msw-cassette: no fromCassette')
if (root.withCassette !== jest.withCassette) throw new Error('two copies of withCassette')
console.log('require: ok')
