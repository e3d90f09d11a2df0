#!/usr/bin/env bash
# Fetches the benchmark corpus: the Python files of agent frameworks and SDKs as published on
# PyPI, and the JavaScript/TypeScript of the JS frameworks as published on npm, at pinned
# versions, into a cache outside the repository. No code from these packages is committed,
# imported or run: wheels are only unzipped and tarballs only untarred (no install scripts),
# and only source files are kept.
#
# Usage: bench/fetch-corpus.sh            (cache: ${AIRLOCK_BENCH_CACHE:-$HOME/.cache/airlock-bench})
#
# Layout of the cache:
#   wheels/, npm/                  the downloaded wheels and npm tarballs
#   corpus/python/<pkg>-<version>/ the `.py` files of each wheel
#   corpus/js/<pkg>-<version>/     the .js/.mjs/.cjs/.ts/.mts/.cts files of each npm package
#                                  (`dist/` and `build/` renamed `dist-code/`, `build-code/`:
#                                  airlock skips build output by default)
#   state/<pkg>-<version>          marks a completely unpacked package, so reruns skip it
# `corpus/` is the folder the benchmark scans; `corpus/python` alone is the Python half that
# ruff and Semgrep are compared on. Only wheels are fetched from PyPI (never sdists, whose
# metadata step would run a build backend); `npm pack` downloads a tarball and runs nothing.
set -euo pipefail

CACHE="${AIRLOCK_BENCH_CACHE:-$HOME/.cache/airlock-bench}"
MIN_FILES=4000 # Python files

# The corpus (issue 19): the pinned packages of every framework airlock supports, PyPI then npm.
# Add a framework here when airlock learns it. `deepagents` is left out on purpose: it is kept
# for an independent hold-out (RESERVED.md) and must not be tuned against.
PACKAGES=(
  langchain==1.5.0
  langchain-core==1.8.1
  langchain-community==0.4.2
  langgraph==1.2.22
  langgraph-prebuilt==1.1.2
  crewai==1.15.30
  crewai-tools==1.15.30
  openai-agents==0.24.0
  mcp==2.3.0
  autogen-agentchat==0.7.5
  autogen-core==0.7.5
  llama-index-core==0.14.25
  google-adk==2.13.0
  pydantic-ai-slim==2.68.0
  smolagents==1.26.0
  agno==3.1.10
)
# The JavaScript/TypeScript half (npm name@version).
NPM_PACKAGES=(
  @langchain/langgraph@1.7.3
  @langchain/core@1.4.0
  langchain@1.5.14
  @openai/agents-core@0.20.0
  @modelcontextprotocol/sdk@1.32.2
  @mastra/core@1.71.0
  ai@7.0.185
)
PY_DIR="$CACHE/corpus/python"
JS_DIR="$CACHE/corpus/js"
# Caches filled before the JavaScript half existed kept the Python files in python/.
if [[ -d "$CACHE/python" && ! -e "$PY_DIR" ]]; then
  mkdir -p "$CACHE/corpus"
  mv "$CACHE/python" "$PY_DIR"
fi

mkdir -p "$CACHE/wheels" "$CACHE/npm" "$PY_DIR" "$JS_DIR" "$CACHE/state"

# Normalised wheel file-name prefix of a project (PEP 427: runs of -_. become _).
wheel_prefix() {
  local name="$1" version="$2"
  printf '%s-%s-' "$(printf '%s' "$name" | sed -E 's/[-_.]+/_/g')" "$version"
}

wanted=()
for spec in "${PACKAGES[@]}"; do
  name="${spec%%==*}"
  version="${spec##*==}"
  dir="$name-$version"
  wanted+=("$dir")
  if [[ -f "$CACHE/state/$dir" && -d "$PY_DIR/$dir" ]]; then
    continue
  fi
  prefix="$(wheel_prefix "$name" "$version")"
  wheel="$(find "$CACHE/wheels" -maxdepth 1 -iname "${prefix}*.whl" | head -n 1)"
  if [[ -z "$wheel" ]]; then
    echo "fetch: downloading $spec" >&2
    # --python-version with --only-binary selects the wheel without consulting this
    # interpreter, and --no-deps keeps the set exactly the pinned list.
    python3 -m pip download --quiet --disable-pip-version-check --no-deps \
      --only-binary=:all: --python-version 3.12 --dest "$CACHE/wheels" "$spec"
    wheel="$(find "$CACHE/wheels" -maxdepth 1 -iname "${prefix}*.whl" | head -n 1)"
    if [[ -z "$wheel" ]]; then
      echo "fetch: no wheel found for $spec after download" >&2
      exit 1
    fi
  fi
  echo "fetch: unpacking $(basename "$wheel") -> corpus/python/$dir" >&2
  rm -rf "$PY_DIR/$dir.tmp" "$PY_DIR/$dir"
  python3 - "$wheel" "$PY_DIR/$dir.tmp" <<'PY'
"""Extracts the .py members of a wheel, refusing any path that would leave the target."""
import os
import sys
import zipfile

wheel, target = sys.argv[1], sys.argv[2]
root = os.path.realpath(target)
count = 0
with zipfile.ZipFile(wheel) as zf:
    for info in zf.infolist():
        name = info.filename
        if info.is_dir() or not name.endswith(".py"):
            continue
        dest = os.path.realpath(os.path.join(root, name))
        if os.path.isabs(name) or not dest.startswith(root + os.sep):
            print(f"fetch: skipping unsafe path {name!r}", file=sys.stderr)
            continue
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with zf.open(info) as src, open(dest, "wb") as out:
            out.write(src.read())
        count += 1
print(f"fetch: {count} .py files", file=sys.stderr)
PY
  mv "$PY_DIR/$dir.tmp" "$PY_DIR/$dir"
  touch "$CACHE/state/$dir"
done

for spec in "${NPM_PACKAGES[@]}"; do
  name="${spec%@*}"
  version="${spec##*@}"
  # `@scope/pkg` becomes `scope-pkg`, as npm names its tarballs.
  flat="$(printf '%s' "$name" | sed -e 's/^@//' -e 's#/#-#')"
  dir="$flat-$version"
  wanted+=("$dir")
  if [[ -f "$CACHE/state/$dir" && -d "$JS_DIR/$dir" ]]; then
    continue
  fi
  tarball="$CACHE/npm/$flat-$version.tgz"
  if [[ ! -f "$tarball" ]]; then
    echo "fetch: downloading $spec" >&2
    (cd "$CACHE/npm" && npm pack --silent "$spec" >/dev/null)
    [[ -f "$tarball" ]] || { echo "fetch: npm pack $spec gave no $tarball" >&2; exit 1; }
  fi
  echo "fetch: unpacking $(basename "$tarball") -> corpus/js/$dir" >&2
  rm -rf "$JS_DIR/$dir.tmp" "$JS_DIR/$dir"
  python3 - "$tarball" "$JS_DIR/$dir.tmp" <<'PY'
"""Extracts the source members of an npm tarball (regular files only, inside the target)."""
import os
import sys
import tarfile

tarball, target = sys.argv[1], sys.argv[2]
root = os.path.realpath(target)
suffixes = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")
count = 0
with tarfile.open(tarball, "r:gz") as tf:
    for info in tf.getmembers():
        name = info.name
        # Declaration files carry no code; every tool sees the same files without them.
        if not info.isfile() or not name.endswith(suffixes) or name.endswith(
            (".d.ts", ".d.mts", ".d.cts")
        ):
            continue
        # npm tarballs hold everything under `package/`. Their code mostly sits in `dist/` or
        # `build/`, folders airlock skips by default as build output, so those are renamed
        # (`dist/` -> `dist-code/`): the benchmark measures the analysis of this code, not the
        # exclusion of it.
        rel = name.split("/", 1)[1] if "/" in name else name
        rel = "/".join(p + "-code" if p in ("dist", "build") else p for p in rel.split("/")[:-1]
                       + [rel.split("/")[-1]])
        dest = os.path.realpath(os.path.join(root, rel))
        if os.path.isabs(rel) or not dest.startswith(root + os.sep):
            print(f"fetch: skipping unsafe path {name!r}", file=sys.stderr)
            continue
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with tf.extractfile(info) as src, open(dest, "wb") as out:
            out.write(src.read())
        count += 1
print(f"fetch: {count} JS/TS files", file=sys.stderr)
PY
  mv "$JS_DIR/$dir.tmp" "$JS_DIR/$dir"
  touch "$CACHE/state/$dir"
done

# Drop folders of versions no longer pinned, so the scanned set is exactly the list above.
for path in "$PY_DIR"/* "$JS_DIR"/*; do
  [[ -e "$path" ]] || continue
  base="$(basename "$path")"
  keep=0
  for w in "${wanted[@]}"; do
    [[ "$base" == "$w" ]] && keep=1 && break
  done
  if [[ "$keep" == 0 ]]; then
    echo "fetch: removing stale $path" >&2
    rm -rf "$path"
    rm -f "$CACHE/state/$base"
  fi
done

count="$(find "$PY_DIR" -type f -name '*.py' | wc -l)"
bytes="$(find "$PY_DIR" -type f -name '*.py' -printf '%s\n' | awk '{s+=$1} END {print s+0}')"
js_count="$(find "$JS_DIR" -type f | wc -l)"
echo "corpus: $PY_DIR: $count .py files, $bytes bytes, ${#PACKAGES[@]} packages"
echo "corpus: $JS_DIR: $js_count JS/TS files, ${#NPM_PACKAGES[@]} packages"
if (( count < MIN_FILES )); then
  echo "corpus: fewer than $MIN_FILES files; add packages to bench/fetch-corpus.sh" >&2
  exit 1
fi
