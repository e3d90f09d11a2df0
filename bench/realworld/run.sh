#!/usr/bin/env bash
# The real-world benchmark: airlock on published packages with known vulnerabilities, each at its
# vulnerable version and, where one exists, its fixed version. See bench/realworld/README.md.
#
# Usage: bench/realworld/run.sh [--no-build] [--write]
#   --no-build  use target/release/airlock as it is
#   --write     also copy the table and figure to bench/results/realworld.md
# Environment:
#   AIRLOCK_REALWORLD_CACHE  downloads, unpacked packages and JSON outputs
#                            (default ~/.cache/airlock-realworld; never inside the repository)
#   AIRLOCK_BIN              with --no-build, the binary to run (default target/release/airlock)
#
# Needs the network (PyPI and npm only) for the first run; later runs use the cache. The last line
# printed is the figure: recall on vulnerable versions and clean at the fixed sites.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$REPO/bench/realworld"
CACHE="${AIRLOCK_REALWORLD_CACHE:-$HOME/.cache/airlock-realworld}"
BUILD=1
WRITE=0
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --write) WRITE=1 ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "realworld: unknown argument $arg" >&2; exit 2 ;;
  esac
done
mkdir -p "$CACHE"

python3 "$HERE/realworld.py" fetch "$HERE/cases.toml" "$CACHE" ||
  echo "realworld: some packages could not be fetched (their cases count as errors)" >&2

if [[ "$BUILD" == 1 ]]; then
  (cd "$REPO" && cargo build --release --quiet --bin airlock)
fi
AIRLOCK="${AIRLOCK_BIN:-$REPO/target/release/airlock}"
[[ -x "$AIRLOCK" ]] || { echo "realworld: no $AIRLOCK; run without --no-build" >&2; exit 1; }

python3 "$HERE/realworld.py" run "$HERE/cases.toml" "$CACHE" "$AIRLOCK" | tee "$CACHE/run.txt"
if [[ "$WRITE" == 1 ]]; then
  {
    echo "# Real-world benchmark results"
    echo
    echo "Written by \`bench/realworld/run.sh --write\` at commit $(cd "$REPO" && git rev-parse --short HEAD)."
    echo "Cases and matching rules: bench/realworld/cases.toml, bench/realworld/README.md."
    echo
    cat "$CACHE/results.md"
  } >"$REPO/bench/results/realworld.md"
fi
