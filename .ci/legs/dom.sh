# DOM environments (vitest files with a `@vitest-environment jsdom|happy-dom` docblock, jest
# projects whose testEnvironment is a DOM one) on Node 24 + msw 3 + vitest 5, in the install of
# the node24-msw3-vitest5 leg (made here when that leg has not run). The main leg runs them on
# Node 20 + msw 2.15, the msw2-lowest leg on msw 2.11.6. Exits 3 when the tree has none.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
dir="$SCRATCH/node24-msw3-vitest5"
[[ -x "$dir/node_modules/.bin/node" ]] || SKIP_SUITE=1 bash "$(dirname "$0")/node24-msw3-vitest5.sh"
cd "$dir"
# Known msw 3 failures (.ci/known-failures-msw3.txt) are left out, and named in the log.
mapfile -t files < <(grep -rlE '@vitest-environment +(jsdom|happy-dom)' src test 2>/dev/null |
  grep -vxFf <(grep -v '^#' "$ROOT/.ci/known-failures-msw3.txt" | awk 'NF { print $1 }') || true)
echo "known msw 3 failures, not run: $(grep -v '^#' "$ROOT/.ci/known-failures-msw3.txt" | awk 'NF { print $1 }' | tr '\n' ' ')"
mapfile -t projects < <(npm exec -- jest --showConfig 2>/dev/null | node -e '
  const { configs } = JSON.parse(require("node:fs").readFileSync(0, "utf8"))
  for (const c of configs) if (/dom/i.test(c.testEnvironment)) console.log(c.displayName?.name ?? "")')
if [[ ${#files[@]} -eq 0 && ${#projects[@]} -eq 0 ]]; then
  echo "no DOM-environment tests in this tree"
  exit 3
fi
echo "node $(npm exec -- node --version), msw $(node -p "require('msw/package.json').version")"
if [[ ${#files[@]} -gt 0 ]]; then npm exec -- vitest run "${files[@]}"; fi
if [[ ${#projects[@]} -gt 0 ]]; then
  NODE_OPTIONS=--experimental-vm-modules npm exec -- jest --ci --selectProjects "${projects[@]}"
fi
