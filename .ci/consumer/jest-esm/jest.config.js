/**
 * Native ES modules under jest: no transform at all, `NODE_OPTIONS=--experimental-vm-modules`.
 * @type {import('jest').Config}
 */
export default { transform: {} }
