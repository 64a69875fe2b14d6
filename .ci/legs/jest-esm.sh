# jest with native ES modules (`transform: {}`, --experimental-vm-modules), no preset: Node 22 +
# msw 3, then Node 20 + msw 2.15.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
pack_once
dir="$(make_consumer jest-esm module msw@3.0.5 jest@30.5.2 node@22)"
cp "$ROOT/.ci/consumer/jest-esm/"* "$dir/"
cd "$dir"
export NODE_OPTIONS=--experimental-vm-modules
# `npm exec` puts node_modules/.bin first on PATH, so jest runs on the node package's Node 22.
echo "== $(npm exec -- node --version), msw $(node -p "require('msw/package.json').version")"
npm exec -- jest --ci
npm install "${NPM_FLAGS[@]}" --save-dev msw@2.15.0 && npm uninstall "${NPM_FLAGS[@]}" node
echo "== $(npm exec -- node --version), msw $(node -p "require('msw/package.json').version")"
npm exec -- jest --ci
