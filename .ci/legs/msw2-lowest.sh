# Node 20 + the lowest msw 2 in the peer range (`^2.10.1`): the project's own suite (vitest and
# jest, DOM environments included) on a copy of the repository. msw 2.10.0 and older fail it:
# mocked redirects are not followed, and (before 2.8) gzip bodies are not decoded.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
dir="$(copy_repo msw2-lowest)"
cd "$dir"
npm install "${NPM_FLAGS[@]}" --save-dev --save-exact msw@2.10.1
echo "node $(node --version), msw $(node -p "require('msw/package.json').version")"
npm run build
npx vitest run
npx vitest run --config vitest.dist.config.ts
npx jest
