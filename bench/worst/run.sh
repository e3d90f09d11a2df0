#!/usr/bin/env bash
# Runs the parse floor and `airlock check` on each input of bench/worst/gen.py, back to back, and
# prints per input: CPU seconds (user+sys) of each, their ratio (the figure issue 19 holds to
# 2x), airlock's peak RSS, exit code and notices about bounds. CPU time rather than wall time,
# so a busy shared machine distorts the ratio less.
#
# Usage: bench/worst/run.sh [OUT_DIR] [CASE ...]   (env WORST_SCALE, WORST_TIMEOUT, WORST_MEM_KB)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-/tmp/airlock-worst}"
shift || true
SCALE="${WORST_SCALE:-1}"
TIMEOUT="${WORST_TIMEOUT:-120}"
MEM_KB="${WORST_MEM_KB:-4000000}" # a virtual-memory cap so a blow-up cannot take the machine down
AIRLOCK="$REPO/target/release/airlock"
FLOOR="$REPO/target/release/examples/parse_floor"
[[ -x "$AIRLOCK" && -x "$FLOOR" ]] || {
  echo "build first: cargo build --release --bin airlock && cargo build --release -p airlock-analyzer --example parse_floor" >&2
  exit 2
}
python3 "$REPO/bench/worst/gen.py" "$OUT" "$@" --scale "$SCALE"
cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(mutual air104 nested mcp-servers sink-glob agents-tools)
cpu() { awk -F'\t' '{printf "%.2f", $1 + $2}' "$1"; }
printf '| input | MB | parse CPU s | airlock CPU s | airlock/parse | peak RSS MB | exit | notices about bounds |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---|\n'
for c in "${cases[@]}"; do
  dir="$OUT/$c"
  mb="$(du -sb "$dir" | awk '{printf "%.2f", $1 / 1e6}')"
  /usr/bin/time -f '%U\t%S\t%M' -o "$OUT/$c.floor" "$FLOOR" "$dir" >/dev/null
  set +e
  (ulimit -v "$MEM_KB"; /usr/bin/time -f '%U\t%S\t%M' -o "$OUT/$c.time" timeout "$TIMEOUT" \
    "$AIRLOCK" check "$dir" --format json --output "$OUT/$c.json" --exit-zero >/dev/null 2>"$OUT/$c.err")
  rc=$?
  set -e
  rss="$(tail -n 1 "$OUT/$c.time" | awk -F'\t' '{printf "%.0f", $3 / 1024}')"
  a="$(tail -n 1 "$OUT/$c.time" | cpu /dev/stdin)"
  p="$(cpu "$OUT/$c.floor")"
  ratio="$(awk -v a="$a" -v p="$p" 'BEGIN {printf "%.1fx", a / (p > 0.01 ? p : 0.01)}')"
  notices="$(grep -oiE '(budget|limit|bound|cut|too deep|size cap)[^"]{0,60}' "$OUT/$c.err" "$OUT/$c.json" 2>/dev/null | sort -u | head -3 | tr '\n' ';' || true)"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$mb" "$p" "$a" "$ratio" "$rss" "$rc" "${notices:-}"
done
