#!/usr/bin/env bash
# The scaling curve: airlock and the parse floor on 1k, 10k and 100k files, and on one very
# large Python file, to show that time and memory grow linearly with the input.
#
#   bench/scale.sh                        sizes 1000 10000 100000 and big files of 5 and 50 MB
#   SCALE_SIZES="1000 10000" SCALE_BIG_MB="5" bench/scale.sh      a shorter curve
#
# The file sets are synthesised in the benchmark cache (${AIRLOCK_BENCH_CACHE:-~/.cache/airlock-bench},
# filled by bench/fetch-corpus.sh): a unit of 1,000 real files (the JavaScript of
# @langchain/langgraph and the Python of langgraph, mcp, crewai-tools and openai-agents, the
# first 1,000 paths in sorted order) is replicated under new folder names (`copy-0001/...`, hard
# links, so 100k files take no extra disk), which keeps every file real code and every import
# resolvable within its copy. The big file is the unit's Python files concatenated until it
# reaches the size; its folder has an `airlock.toml` raising `max-file-size`, and the per-file
# parse budget is raised through `AIRLOCK_FILE_BUDGET_MS` so the file is analysed, not skipped.
#
# Each point is one run of the floor (`parse_floor`, same walk, reads and grammars) and one of
# `airlock check --format json`, back to back, so both see the same machine load. The table
# (also written to bench/results/scale.md) gives wall time, the airlock/parse ratio, time and
# peak RSS per file or per MB: flat columns mean linear growth.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${AIRLOCK_BENCH_CACHE:-$HOME/.cache/airlock-bench}"
SIZES="${SCALE_SIZES-1000 10000 100000}"
BIG_MB="${SCALE_BIG_MB-5 50}"
UNIT_FILES=1000
TIMEOUT=3600

log() { echo "scale: $*" >&2; }

"$REPO/bench/fetch-corpus.sh" >&2
if [[ ! -x /usr/bin/time ]]; then
  log "installing GNU time"
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
log "building release binaries"
(cd "$REPO" && cargo build --release --quiet --bin airlock &&
  cargo build --release --quiet -p airlock-analyzer --example parse_floor)
COMMIT="$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)"
AIRLOCK="$REPO/target/release/airlock"
FLOOR="$REPO/target/release/examples/parse_floor"

SCALE="$CACHE/scale"
UNIT="$SCALE/unit"
# --- The unit ------------------------------------------------------------------------------
if [[ ! -f "$UNIT/.complete" ]]; then
  log "building the 1,000-file unit"
  rm -rf "$UNIT"
  mkdir -p "$UNIT"
  (
    cd "$CACHE/corpus"
    find js/langchain-langgraph-* python/langgraph-1* python/mcp-* python/crewai-tools-* \
      python/openai-agents-* -type f | LC_ALL=C sort | awk -v n="$UNIT_FILES" 'NR <= n'
  ) >"$SCALE/unit.list"
  if [[ "$(wc -l <"$SCALE/unit.list")" -ne "$UNIT_FILES" ]]; then
    log "the corpus has fewer than $UNIT_FILES files for the unit"
    exit 1
  fi
  while IFS= read -r rel; do
    mkdir -p "$UNIT/$(dirname "$rel")"
    cp "$CACHE/corpus/$rel" "$UNIT/$rel"
  done <"$SCALE/unit.list"
  touch "$UNIT/.complete"
fi

# make_set N: $SCALE/files-N holds N/1000 hard-linked copies of the unit.
make_set() {
  local n="$1" dir="$SCALE/files-$1" copies i
  copies=$((n / UNIT_FILES))
  if [[ -f "$dir/.complete" ]]; then
    return
  fi
  log "synthesising $n files ($copies copies of the unit)"
  rm -rf "$dir"
  mkdir -p "$dir"
  for i in $(seq 1 "$copies"); do
    cp -al "$UNIT" "$dir/$(printf 'copy-%04d' "$i")"
    rm -f "$dir/$(printf 'copy-%04d' "$i")/.complete"
  done
  touch "$dir/.complete"
}

# make_big MB: $SCALE/big-MB/big.py, the unit's Python files concatenated to at least MB MB.
make_big() {
  local mb="$1" dir="$SCALE/big-$1"
  if [[ -f "$dir/.complete" ]]; then
    return
  fi
  log "synthesising a $mb MB Python file"
  rm -rf "$dir"
  mkdir -p "$dir"
  python3 - "$UNIT" "$dir/big.py" "$mb" <<'PY'
import os, sys
unit, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(unit) for f in fs if f.endswith(".py"))
target, written = mb * 1000 * 1000, 0
with open(out, "wb") as o:
    while written < target:
        for path in files:
            data = open(path, "rb").read()
            if not data.endswith(b"\n"):
                data += b"\n"
            o.write(data)
            written += len(data)
            if written >= target:
                break
PY
  printf 'max-file-size = %d\n' $((mb * 1000 * 1000 * 2)) >"$dir/airlock.toml"
  touch "$dir/.complete"
}

# run_pair LABEL DIR [FLOOR_ARGS...]: one floor run and one airlock run; appends a TSV row
# label, files, bytes, parse s, parse rss kB, airlock s, airlock rss kB, airlock exit code.
ROWS="$SCALE/rows.tsv"
: >"$ROWS"
run_pair() {
  local label="$1" dir="$2"
  shift 2
  local t0 t1 t2 rc
  t0="$(date +%s%N)"
  /usr/bin/time -f '%M' -o "$SCALE/floor.time" timeout "$TIMEOUT" "$FLOOR" "$dir" "$@" >"$SCALE/floor.out"
  t1="$(date +%s%N)"
  set +e
  AIRLOCK_FILE_BUDGET_MS=3600000 /usr/bin/time -f '%M' -o "$SCALE/airlock.time" \
    timeout "$TIMEOUT" "$AIRLOCK" check "$dir" --format json --output "$SCALE/airlock.json" \
    2>"$SCALE/airlock.err"
  rc=$?
  set -e
  t2="$(date +%s%N)"
  local files bytes
  files="$(tail -n 1 "$SCALE/floor.out" | tr ' ' '\n' | awk -F= '$1 == "files" {print $2}')"
  bytes="$(tail -n 1 "$SCALE/floor.out" | tr ' ' '\n' | awk -F= '$1 == "bytes" {print $2}')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$files" "$bytes" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}')" \
    "$(tail -n 1 "$SCALE/floor.time")" \
    "$(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.3f", (b - a) / 1e9}')" \
    "$(tail -n 1 "$SCALE/airlock.time")" "$rc" >>"$ROWS"
  log "$label: $(tail -n 1 "$ROWS" | cut -f2-)"
  if grep -q panicked "$SCALE/airlock.err"; then
    log "airlock panicked on $label (see $SCALE/airlock.err)"
    exit 1
  fi
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES; do
  make_set "$n"
  run_pair "files-$n" "$SCALE/files-$n"
done
for mb in $BIG_MB; do
  make_big "$mb"
  run_pair "big-$mb" "$SCALE/big-$mb" --max-file-size $((mb * 1000 * 1000 * 2))
done

mkdir -p "$REPO/bench/results"
export COMMIT LOAD_BEFORE
python3 - "$ROWS" "$REPO/bench/results/scale.md" <<'PY'
import os, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
out = ["# airlock scaling curve: latest run", "",
       "Written by `bench/scale.sh`: one floor run (walk + read + tree-sitter parse) and one "
       "`airlock check --format json` run per point, back to back. Flat per-file and per-MB "
       "columns mean linear growth.", "",
       f"- airlock commit: `{os.environ['COMMIT']}`; {os.cpu_count()} cores; "
       f"load average before the run: {os.environ['LOAD_BEFORE']}", ""]
def table(kind, unit, per):
    sel = [r for r in rows if r[0].startswith(kind)]
    if not sel:
        return []
    t = [f"| input | files | MB | parse s | airlock s | airlock/parse | airlock s per {unit} "
         f"| parse s per {unit} | airlock peak RSS MB | RSS MB per {unit} | exit |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, files, size, ps, prss, ais, arss, rc in sel:
        files, size, ps, ais = int(files), int(size), float(ps), float(ais)
        n = per(files, size)
        t.append(f"| {label} | {files:,} | {size / 1e6:.1f} | {ps:.2f} | {ais:.2f} | "
                 f"{ais / ps:.2f}x | {ais / n:.3f} | {ps / n:.3f} | "
                 f"{int(arss) / 1024:,.0f} | {int(arss) / 1024 / n:.3f} | {rc} |")
    return t + [""]
out += table("files-", "1,000 files", lambda f, s: f / 1000)
out += table("big-", "MB", lambda f, s: s / 1e6)
text = "\n".join(out)
open(sys.argv[2], "w").write(text)
print(text)
PY
log "table written to bench/results/scale.md"
