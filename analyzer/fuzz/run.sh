#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), seeded from corpus/ and the tests'
# fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain it sets
# RUSTC_BOOTSTRAP=1 for the sanitizer flags. Working corpora and crashes stay under
# target/fuzz/ (not committed); a crash found becomes a regression test in tests/robustness.rs
# or the module's unit tests.
#   analyzer/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
repo=$(cd ../.. && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(python typescript yaml json config suppress pipeline lsp lsp_framing)
fi
export RUSTC_BOOTSTRAP=1
work="$repo/target/fuzz"
mkdir -p "$work"
seed() {  # seed TARGET EXTENSION...
  local dir="$work/corpus/$1"
  shift
  mkdir -p "$dir"
  for ext in "$@"; do
    find "$repo/corpus" -name "*.$ext" -type f -size -64k -exec cp -n {} "$dir/" \; 2>/dev/null || true
  done
}
seed python py
seed typescript ts tsx js
seed yaml yaml yml
seed json json
seed config toml
seed suppress py ts yaml
seed pipeline py json yaml ts mts js mjs
mkdir -p "$work/corpus/lsp" "$work/corpus/lsp_framing"
cargo fuzz build -O "${targets[@]/#/}" >/dev/null 2>&1 || cargo fuzz build -O
for t in "${targets[@]}"; do
  echo "== $t (${seconds}s)"
  mkdir -p "$work/corpus/$t" "$work/artifacts/$t"
  cargo fuzz run -O "$t" "$work/corpus/$t" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 \
    -artifact_prefix="$work/artifacts/$t/" -print_final_stats=1 2>&1 | tail -n 12
done
