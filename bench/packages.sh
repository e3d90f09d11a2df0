#!/usr/bin/env bash
# Per package of the benchmark corpus (bench/fetch-corpus.sh): the parse floor and `airlock
# check` on that package alone, back to back, with CPU seconds (user+sys, so load from
# elsewhere on a shared machine distorts the ratio less than wall time), their ratio (issue 19
# holds each package to 2x its own floor) and peak RSS. Then the worst-files micro-benchmark:
# every file of every package checked alone, ranked by airlock CPU time per byte above the
# cost of checking an empty file; the 20 worst per package are listed and, together, measured
# against the floor like a package.
#
# Usage: bench/packages.sh [--no-files]      writes bench/results/packages.md
# Environment: AIRLOCK_BENCH_CACHE (as bench/run.sh), WORST_PER_PACKAGE (default 20),
#              MIN_BYTES (default 1024: smaller files are all start-up cost)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${AIRLOCK_BENCH_CACHE:-$HOME/.cache/airlock-bench}"
CORPUS="$CACHE/corpus"
OUT="$CACHE/packages"
PER="${WORST_PER_PACKAGE:-20}"
MIN_BYTES="${MIN_BYTES:-1024}"
FILES=1
[[ "${1:-}" == "--no-files" ]] && FILES=0
AIRLOCK="$REPO/target/release/airlock"
FLOOR="$REPO/target/release/examples/parse_floor"
[[ -x "$AIRLOCK" && -x "$FLOOR" ]] || { echo "run bench/run.sh first (it builds both)" >&2; exit 2; }
COMMIT="$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)"
rm -rf "$OUT"
mkdir -p "$OUT"
log() { echo "packages: $*" >&2; }

# cpu_of TIMEFILE: user+sys seconds; rss_of TIMEFILE: peak RSS in kB (GNU time -f '%U %S %M').
cpu_of() { awk '{printf "%.3f", $1 + $2}' "$1"; }
rss_of() { awk '{print $3}' "$1"; }

# --- Each package alone --------------------------------------------------------------------
ROWS="$OUT/packages.tsv" # package, files, bytes, parse cpu, airlock cpu, airlock rss kB, exit
: >"$ROWS"
for dir in "$CORPUS"/python/* "$CORPUS"/js/*; do
  pkg="$(basename "$dir")"
  /usr/bin/time -f '%U %S %M' -o "$OUT/floor.time" "$FLOOR" "$dir" >"$OUT/floor.out"
  set +e
  /usr/bin/time -f '%U %S %M' -o "$OUT/airlock.time" timeout 600 \
    "$AIRLOCK" check "$dir" --format json --output "$OUT/$pkg.json" --exit-zero 2>"$OUT/$pkg.err"
  rc=$?
  set -e
  last="$(tail -n 1 "$OUT/floor.out")"
  files="$(tr ' ' '\n' <<<"$last" | awk -F= '$1 == "files" {print $2}')"
  bytes="$(tr ' ' '\n' <<<"$last" | awk -F= '$1 == "bytes" {print $2}')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pkg" "$files" "$bytes" "$(cpu_of "$OUT/floor.time")" \
    "$(cpu_of "$OUT/airlock.time")" "$(rss_of "$OUT/airlock.time")" "$rc" >>"$ROWS"
  log "$(tail -n 1 "$ROWS")"
done

# --- Worst files ---------------------------------------------------------------------------
FROWS="$OUT/files.tsv" # package, file, bytes, airlock cpu
: >"$FROWS"
if [[ "$FILES" == 1 ]]; then
  EMPTY="$OUT/empty"
  mkdir -p "$EMPTY"
  : >"$EMPTY/empty.py"
  base=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%U %S %M' -o "$OUT/one.time" "$AIRLOCK" check "$EMPTY" --format json --output /dev/null --exit-zero 2>/dev/null
    base="$(awk -v a="$base" -v b="$(cpu_of "$OUT/one.time")" 'BEGIN {print a + b / 3}')"
  done
  export RAYON_NUM_THREADS=1
  ONE="$OUT/one"
  for dir in "$CORPUS"/python/* "$CORPUS"/js/*; do
    pkg="$(basename "$dir")"
    log "checking each file of $pkg alone"
    while IFS= read -r -d '' f; do
      size="$(stat -c %s "$f")"
      ((size >= MIN_BYTES)) || continue
      rm -rf "$ONE"
      mkdir -p "$ONE"
      cp "$f" "$ONE/"
      set +e
      /usr/bin/time -f '%U %S %M' -o "$OUT/one.time" timeout 120 \
        "$AIRLOCK" check "$ONE" --format json --output /dev/null --exit-zero 2>/dev/null
      set -e
      printf '%s\t%s\t%s\t%s\n' "$pkg" "${f#"$dir"/}" "$size" "$(cpu_of "$OUT/one.time")" >>"$FROWS"
    done < <(find "$dir" -type f \( -name '*.py' -o -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \
      -o -name '*.ts' -o -name '*.mts' -o -name '*.cts' \) -print0 | sort -z)
  done
  # The worst files together, as one project, against the floor.
  WORST="$OUT/worst"
  rm -rf "$WORST"
  python3 - "$FROWS" "$base" "$PER" "$CORPUS" "$WORST" <<'PY'
import collections, os, shutil, sys
rows, base, per, corpus, worst = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
by = collections.defaultdict(list)
for line in open(rows):
    pkg, rel, size, cpu = line.rstrip("\n").split("\t")
    by[pkg].append((max(float(cpu) - base, 0.0) / int(size), rel, int(size), float(cpu)))
with open(rows + ".worst", "w") as out:
    for pkg in sorted(by):
        for score, rel, size, cpu in sorted(by[pkg], reverse=True)[:per]:
            half = "python" if os.path.isdir(os.path.join(corpus, "python", pkg)) else "js"
            src = os.path.join(corpus, half, pkg, rel)
            dst = os.path.join(worst, pkg, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(src, dst)
            out.write(f"{pkg}\t{rel}\t{size}\t{cpu:.3f}\t{score * 1e6:.1f}\n")
PY
  /usr/bin/time -f '%U %S %M' -o "$OUT/floor.time" "$FLOOR" "$WORST" >"$OUT/floor.out"
  set +e
  /usr/bin/time -f '%U %S %M' -o "$OUT/airlock.time" timeout 600 \
    "$AIRLOCK" check "$WORST" --format json --output "$OUT/worst.json" --exit-zero 2>"$OUT/worst.err"
  rc=$?
  set -e
  last="$(tail -n 1 "$OUT/floor.out")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "worst-files" \
    "$(tr ' ' '\n' <<<"$last" | awk -F= '$1 == "files" {print $2}')" \
    "$(tr ' ' '\n' <<<"$last" | awk -F= '$1 == "bytes" {print $2}')" \
    "$(cpu_of "$OUT/floor.time")" "$(cpu_of "$OUT/airlock.time")" "$(rss_of "$OUT/airlock.time")" "$rc" >"$OUT/worst.tsv"
  echo "empty-file baseline: $base s" >"$OUT/base.txt"
fi

export COMMIT
python3 - "$OUT" "$REPO/bench/results/packages.md" <<'PY'
import os, sys
out, md = sys.argv[1], sys.argv[2]
def rows(name):
    p = os.path.join(out, name)
    return [l.rstrip("\n").split("\t") for l in open(p)] if os.path.exists(p) else []
lines = ["# airlock per package: latest run", "",
         "Written by `bench/packages.sh`: per package of the benchmark corpus, the parse floor and "
         "`airlock check --format json` alone, back to back; CPU seconds (user+sys). Issue 19 "
         "holds each package to 2x its own floor.", "",
         f"- airlock commit: `{os.environ['COMMIT']}`; {os.cpu_count()} cores", "",
         "| package | files | MB | parse CPU s | airlock CPU s | airlock/parse | peak RSS MB | exit |",
         "|---|---:|---:|---:|---:|---:|---:|---:|"]
for pkg, files, size, p, a, rss, rc in rows("packages.tsv") + rows("worst.tsv"):
    ratio = float(a) / float(p) if float(p) > 0 else float("inf")
    lines.append(f"| {pkg} | {int(files):,} | {int(size) / 1e6:.1f} | {float(p):.2f} | {float(a):.2f} "
                 f"| {ratio:.2f}x | {int(rss) / 1024:,.0f} | {rc} |")
worst = rows("files.tsv.worst")
if worst:
    base = open(os.path.join(out, "base.txt")).read().strip()
    lines += ["", f"Worst files (`worst-files` above: the {len(worst)} files together), each checked "
              f"alone with one thread, ranked by CPU time per byte above the {base.split(': ')[1]} "
              "an empty project costs:", "",
              "| package | file | bytes | airlock CPU s alone | µs per byte |", "|---|---|---:|---:|---:|"]
    for pkg, rel, size, cpu, score in worst:
        lines.append(f"| {pkg} | `{rel}` | {int(size):,} | {cpu} | {score} |")
open(md, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
