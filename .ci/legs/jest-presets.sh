# Node 20 + msw 2.15 + jest 30, CommonJS: the repository's jest tests against the packed
# package, through each preset: `msw-cassette` (babel-jest), `msw-cassette/ts-jest`,
# `msw-cassette/swc-jest`.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
pack_once
dir="$(make_consumer jest-presets commonjs msw@2.15.0 jest@30.5.2 \
  @babel/preset-env@7 @babel/preset-typescript@7 ts-jest@29.4.15 typescript@5.9.3 \
  @swc/jest@0.2.39 @swc/core@1.16.22)"
cp -r "$ROOT/test/jest" "$dir/test-jest" && mkdir -p "$dir/test" && mv "$dir/test-jest" "$dir/test/jest"
cp "$ROOT/.ci/consumer/jest/jest.config.cjs" "$dir/"
cd "$dir"
for preset in msw-cassette msw-cassette/ts-jest msw-cassette/swc-jest; do
  echo "== preset: $preset"
  JEST_PRESET="$preset" npx jest --ci
done
