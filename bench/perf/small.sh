#!/usr/bin/env bash
# The small inputs that used to explode (issue 19), each at three sizes doubling in between:
# wall time and peak RSS of `airlock check --format json`, and the growth factor from one size to
# the next (2.0 is linear). Ratios are what to read: absolute times wander on shared cores.
#
# Usage: bench/perf/small.sh [--no-build] [--write]   (--write also writes bench/results/perf-small.md)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD=1; WRITE=0
for a in "$@"; do
  case "$a" in --no-build) BUILD=0 ;; --write) WRITE=1 ;; *) echo "unknown option $a" >&2; exit 2 ;; esac
done
[ "$BUILD" = 1 ] && (cd "$REPO" && cargo build --release --quiet)
BIN="$REPO/target/release/airlock"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
declare -A SIZES=([tools]="500 1000 2000" [agents]="500 1000 2000" [mutual]="100 200 400"
                  [graph]="40 80 160" [servers]="25000 50000 100000" [branches]="200 400 800"
                  [bundle]="5000 10000 20000")
OUT="| input | size | bytes | seconds | peak RSS (MB) | time growth | memory growth |
|---|---|---|---|---|---|---|"
for shape in tools agents mutual graph servers branches bundle; do
  prev_t=""; prev_m=""
  for n in ${SIZES[$shape]}; do
    dir="$WORK/$shape-$n"
    python3 "$REPO/bench/perf/gen.py" "$shape" "$n" "$dir"
    bytes=$(du -sb "$dir" | cut -f1)
    # Under an 8 GB address-space limit so a regression cannot take the machine down.
    /usr/bin/time -f "%e %M" -o "$WORK/time" prlimit --as=8000000000 "$BIN" check "$dir" --format json >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$WORK/time")
    mb=$((m / 1024))
    if [ -n "$prev_t" ]; then
      gt=$(python3 -c "print(f'{max($t,0.01)/max($prev_t,0.01):.1f}x')"); gm=$(python3 -c "print(f'{$m/$prev_m:.1f}x')")
    else gt="-"; gm="-"; fi
    OUT="$OUT
| $shape | $n | $bytes | $t | $mb | $gt | $gm |"
    prev_t=$t; prev_m=$m
  done
done
echo "$OUT"
if [ "$WRITE" = 1 ]; then
  {
    echo "# Small inputs that used to grow faster than linearly"
    echo
    echo "Written by \`bench/perf/small.sh --write\` at commit $(cd "$REPO" && git rev-parse --short HEAD)."
    echo "Each input doubles in size from one row to the next; a growth of about 2x is linear."
    echo "Inputs: \`bench/perf/gen.py\` (its docstring says what each one exercises)."
    echo
    echo "$OUT"
  } > "$REPO/bench/results/perf-small.md"
fi
