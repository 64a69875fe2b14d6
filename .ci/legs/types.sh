# TypeScript users: every entry type-checks under moduleResolution node10 (module commonjs, the
# classic ts-jest setup), node16, nodenext and bundler, on msw 2 and on msw 3.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
pack_once
dir="$(make_consumer types module msw@2.15.0 vitest@4 typescript@5.9.3 @types/node@20)"
cp "$ROOT/.ci/consumer/types/"* "$dir/"
cd "$dir"
check_all() {
  for resolution in node10 node16 nodenext bundler; do
    echo "== msw $(node -p "require('msw/package.json').version"), moduleResolution $resolution"
    npx tsc -p "tsconfig.$resolution.json"
  done
}
check_all
npm install "${NPM_FLAGS[@]}" --save-dev msw@3.0.5
check_all
