#!/usr/bin/env bash
# Fetches the benchmark corpus: the Python files of agent frameworks and SDKs as published on
# PyPI, at pinned versions, into a cache outside the repository. No code from these packages
# is committed, imported or run: wheels are only unzipped, and only their `.py` files are kept.
#
# Usage: bench/fetch-corpus.sh            (cache: ${AIRLOCK_BENCH_CACHE:-$HOME/.cache/airlock-bench})
#
# Layout of the cache:
#   wheels/                 the downloaded wheels
#   python/<pkg>-<version>/ the `.py` files of each wheel (the folder the benchmark scans)
#   state/<pkg>-<version>   marks a completely unpacked wheel, so reruns skip it
# Only wheels are fetched (never sdists, whose metadata step would run a build backend).
set -euo pipefail

CACHE="${AIRLOCK_BENCH_CACHE:-$HOME/.cache/airlock-bench}"
MIN_FILES=10000

# The corpus: the agent frameworks airlock targets, then large SDKs agents are built with, so
# that the corpus passes 10,000 files. Bump a version here and rerun to refresh the cache.
PACKAGES=(
  langchain==1.5.0
  langchain-core==1.8.2
  langchain-community==0.4.2
  langchain-experimental==0.4.2
  langchain-openai==1.7.4
  langgraph==1.2.22
  langgraph-prebuilt==1.1.2
  crewai==1.15.30
  crewai-tools==1.15.30
  openai-agents==0.24.0
  mcp==2.3.0
  autogen-agentchat==0.7.5
  autogen-core==0.7.5
  autogen-ext==0.7.5
  llama-index-core==0.14.25
  semantic-kernel==1.45.0
  pydantic-ai-slim==2.68.0
  haystack-ai==3.4.1
  dspy==3.4.1
  smolagents==1.26.0
  camel-ai==0.2.90
  agno==3.1.10
  google-adk==2.13.0
  openai==3.54.0
  anthropic==2.12.0
)

mkdir -p "$CACHE/wheels" "$CACHE/python" "$CACHE/state"

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
  if [[ -f "$CACHE/state/$dir" && -d "$CACHE/python/$dir" ]]; then
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
  echo "fetch: unpacking $(basename "$wheel") -> python/$dir" >&2
  rm -rf "$CACHE/python/$dir.tmp" "$CACHE/python/$dir"
  python3 - "$wheel" "$CACHE/python/$dir.tmp" <<'PY'
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
  mv "$CACHE/python/$dir.tmp" "$CACHE/python/$dir"
  touch "$CACHE/state/$dir"
done

# Drop folders of versions no longer pinned, so the scanned set is exactly the list above.
for path in "$CACHE/python"/*; do
  [[ -e "$path" ]] || continue
  base="$(basename "$path")"
  keep=0
  for w in "${wanted[@]}"; do
    [[ "$base" == "$w" ]] && keep=1 && break
  done
  if [[ "$keep" == 0 ]]; then
    echo "fetch: removing stale python/$base" >&2
    rm -rf "$path"
    rm -f "$CACHE/state/$base"
  fi
done

count="$(find "$CACHE/python" -type f -name '*.py' | wc -l)"
bytes="$(find "$CACHE/python" -type f -name '*.py' -printf '%s\n' | awk '{s+=$1} END {print s+0}')"
echo "corpus: $CACHE/python: $count .py files, $bytes bytes, ${#PACKAGES[@]} packages"
if (( count < MIN_FILES )); then
  echo "corpus: fewer than $MIN_FILES files; add packages to bench/fetch-corpus.sh" >&2
  exit 1
fi
