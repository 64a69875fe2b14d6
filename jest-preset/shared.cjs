/**
 * What every msw-cassette jest preset shares.
 *
 * msw 2.12 and later `require` packages that ship only ES modules from their CommonJS build, so a
 * CommonJS jest run must compile those three to CommonJS too. jest's default ignore pattern
 * skips all of node_modules, and its default transform pattern does not match `.mjs`.
 */
const ESM_ONLY_DEPENDENCIES = ['rettime', 'until-async', '@open-draft/deferred-promise']

/** Every JavaScript and TypeScript flavour, `.mjs`/`.cjs`/`.mts`/`.cts` included. */
const TRANSFORM_PATTERN = '^.+\\.[cm]?[jt]sx?$'

const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY_DEPENDENCIES.join('|')})/)`]

module.exports = { ESM_ONLY_DEPENDENCIES, TRANSFORM_PATTERN, transformIgnorePatterns }
