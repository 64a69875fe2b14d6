# Helpers for the matrix legs (sourced, not run). Every leg works in its own folder under
# $MATRIX_DIR, installs what it needs there from the npm registry, and leaves the repository's
# own node_modules and package-lock.json alone. The folder is outside the repository, so that
# neither Node nor vitest finds the repository's node_modules or configuration by walking up.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="${MATRIX_DIR:?run the legs through .ci/matrix, which sets MATRIX_DIR}"
TARBALL="$SCRATCH/msw-cassette.tgz"
NPM_FLAGS=(--no-audit --no-fund --prefer-offline --loglevel=error)

# The package as users get it: built and packed once per matrix run.
pack_once() {
  if [[ ! -f "$TARBALL" ]]; then
    mkdir -p "$SCRATCH"
    (cd "$ROOT" && npm run build >/dev/null && npm pack --pack-destination "$SCRATCH" --loglevel=error >/dev/null)
    mv "$SCRATCH"/msw-cassette-*.tgz "$TARBALL"
  fi
}

# A fresh, empty folder for one leg: $SCRATCH/NAME.
fresh_dir() {
  local dir="$SCRATCH/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "$dir"
}

# A copy of the repository's tracked (and new, unignored) files, to run the project's own suite
# against other versions of msw, vitest or Node.
copy_repo() {
  local dir
  dir="$(fresh_dir "$1")"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | grep -zv '^scratch/' |
    xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$dir"
  echo "$dir"
}

# A consumer project: package.json with the leg's exact versions, the packed tarball, the
# consumer tests of .ci/consumer/, the fixtures.
# usage: make_consumer NAME TYPE DEPENDENCY...   (TYPE: module or commonjs)
make_consumer() {
  local name="$1" type="$2"
  shift 2
  local dir
  dir="$(fresh_dir "$name")"
  cat >"$dir/package.json" <<JSON
{ "name": "consumer-$name", "private": true, "type": "$type" }
JSON
  cp -r "$ROOT/fixtures" "$dir/fixtures"
  (cd "$dir" && npm install "${NPM_FLAGS[@]}" --save-dev "$TARBALL" "$@" >/dev/null)
  echo "$dir"
}
