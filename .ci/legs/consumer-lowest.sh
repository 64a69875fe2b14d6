# The lowest versions in the peer ranges, as a user installs them: Node 20, msw 2.11.6,
# vitest 3.2, jest 29 through the default preset (babel-jest), against the packed package. Also
# loads the package from plain Node, with `require` and `import`.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
pack_once
dir="$(make_consumer consumer-lowest module msw@2.11.6 vitest@3.2.0 jest@29.7.0 \
  @babel/preset-env@7 @babel/preset-typescript@7)"
cp "$ROOT/.ci/consumer/vitest/"* "$dir/"
mkdir -p "$dir/test" && cp -r "$ROOT/test/jest" "$dir/test/jest"
cp "$ROOT/.ci/consumer/jest/jest.config.cjs" "$dir/"
cd "$dir"
node load.cjs
node load.mjs
npx vitest run readme.test.ts
npx jest --ci --config jest.config.cjs
