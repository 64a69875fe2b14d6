# Node 20 + the lowest msw 2 in the peer range (`^2.11.6`): the project's own suite (vitest and
# jest, DOM environments included) on a copy of the repository. Older msw 2 fail parts of it:
# before 2.11.6 a stream cut after N events reaches node:http with more chunks than N, before
# 2.10.1 mocked redirects are not followed, before 2.8 gzip bodies are not decoded.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
dir="$(copy_repo msw2-lowest)"
cd "$dir"
npm install "${NPM_FLAGS[@]}" --save-dev --save-exact msw@2.11.6
echo "node $(node --version), msw $(node -p "require('msw/package.json').version")"
npm run build
npx vitest run
npx vitest run --config vitest.dist.config.ts
npx jest
