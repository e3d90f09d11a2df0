#!/usr/bin/env bash
# The airlock benchmark: one run that measures, on the same corpus and the same machine,
#   read-only  walk + read of every file (airlock's discovery and reader): the I/O floor
#   parse      the same walk and reads plus a tree-sitter parse (Python, TypeScript, TSX/JS
#              grammars as airlock picks them): the floor airlock is held to
#   airlock    `airlock check DIR --format json` on the whole corpus (Python + JS/TS)
#   airlock-py the same on the Python half, the set the Python tools below are compared on
#   ruff       `ruff check --select ALL --no-cache --exit-zero` (the speed users expect of a Rust linter)
#   semgrep    one taint rule (bench/semgrep-taint.yml), the tool users would otherwise run
# and prints a table (also written to bench/results/latest.md) with the median wall time of
# BENCH_RUNS runs, files/s, MB/s and peak RSS from GNU time.
#
# Usage: bench/run.sh [--determinism]
#   --determinism   also runs airlock with RAYON_NUM_THREADS=1 and =2 and checks that the JSON
#                   outputs are byte-identical
# Environment:
#   AIRLOCK_BENCH_CACHE  the cache (default ~/.cache/airlock-bench); bench/fetch-corpus.sh fills it
#   BENCH_RUNS           timed runs per tool (default 3); the median is reported
#   BENCH_SEMGREP        1 (default) runs Semgrep once, if it installs; 0 skips it
#   RAYON_NUM_THREADS    thread count of airlock and the floors (default: every core)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${AIRLOCK_BENCH_CACHE:-$HOME/.cache/airlock-bench}"
CORPUS="$CACHE/corpus"
PY_CORPUS="$CACHE/corpus/python"
RUNS="${BENCH_RUNS:-3}"
SEMGREP="${BENCH_SEMGREP:-1}"
RUFF_VERSION=0.17.6
SEMGREP_VERSION=1.180.0
TIMEOUT=600 # seconds; a run that takes longer is reported as a hang
DETERMINISM=0
for arg in "$@"; do
  case "$arg" in
    --determinism) DETERMINISM=1 ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $arg" >&2; exit 2 ;;
  esac
done

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
OUT="$CACHE/out"
rm -rf "$OUT"
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv" # tool, run, files, bytes, seconds, rss_kb, exit code, cpu %
: >"$RESULTS"
FAILURES=()

log() { echo "bench: $*" >&2; }

# --- Prerequisites -------------------------------------------------------------------------
"$REPO/bench/fetch-corpus.sh" >&2
if [[ ! -x /usr/bin/time ]]; then
  log "installing GNU time"
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
log "building release binaries"
(cd "$REPO" && cargo build --release --quiet --bin airlock &&
  cargo build --release --quiet -p airlock-analyzer --example parse_floor)
# The tree the binaries were built from (others may commit while the benchmark runs).
COMMIT="$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)"
AIRLOCK="$REPO/target/release/airlock"
FLOOR="$REPO/target/release/examples/parse_floor"

VENV="$CACHE/venv"
[[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
pip_install() { "$VENV/bin/pip" install --quiet --disable-pip-version-check "$@"; }
if [[ "$("$VENV/bin/ruff" --version 2>/dev/null)" != "ruff $RUFF_VERSION" ]]; then
  log "installing ruff $RUFF_VERSION"
  pip_install "ruff==$RUFF_VERSION"
fi
HAVE_SEMGREP=0
if [[ "$SEMGREP" == 1 ]]; then
  if [[ "$("$VENV/bin/semgrep" --version 2>/dev/null)" != "$SEMGREP_VERSION" ]]; then
    log "installing semgrep $SEMGREP_VERSION"
    timeout 300 "$VENV/bin/pip" install --quiet --disable-pip-version-check \
      "semgrep==$SEMGREP_VERSION" || log "semgrep did not install; skipped"
  fi
  [[ "$("$VENV/bin/semgrep" --version 2>/dev/null)" == "$SEMGREP_VERSION" ]] && HAVE_SEMGREP=1
fi

# --- Measuring -----------------------------------------------------------------------------
# measure TOOL RUN FILES BYTES CMD...: runs CMD under GNU time, appends a row to RESULTS.
# FILES and BYTES may be "-" when the command reports them itself (see floor_row).
# Leaves the exit code in $rc, the stdout in $OUT/TOOL-RUN.out and stderr in $OUT/TOOL-RUN.err.
measure() {
  local tool="$1" run="$2" files="$3" bytes="$4"
  shift 4
  local base="$OUT/$tool-$run" start end
  start="$(date +%s%N)"
  set +e
  /usr/bin/time -v -o "$base.time" timeout "$TIMEOUT" "$@" >"$base.out" 2>"$base.err"
  rc=$?
  set -e
  end="$(date +%s%N)"
  local rss
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$base.time")"
  local cpu
  cpu="$(awk -F': ' '/Percent of CPU/ {sub("%", "", $2); print $2}' "$base.time")"
  local secs
  secs="$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", (e - s) / 1e9}')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$run" "$files" "$bytes" "$secs" "${rss:-0}" "$rc" "${cpu:-0}" >>"$RESULTS"
  log "$tool run $run: ${secs} s, peak RSS $(( ${rss:-0} / 1024 )) MB, CPU ${cpu:-?}%, exit $rc"
}

# The floors print `files=N bytes=N` on their last line.
floor_field() { tail -n 1 "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }

# The warm-up pass fills the page cache and gives the file set of airlock and the floors
# (the same `discover` call); ruff decides its own file set, counted with --show-files.
log "warming the page cache"
"$FLOOR" "$CORPUS" --read-only >"$OUT/warmup.out"
FILES="$(floor_field "$OUT/warmup.out" files)"
BYTES="$(floor_field "$OUT/warmup.out" bytes)"
"$FLOOR" "$PY_CORPUS" --read-only >"$OUT/warmup-py.out"
PY_FILES="$(floor_field "$OUT/warmup-py.out" files)"
PY_BYTES="$(floor_field "$OUT/warmup-py.out" bytes)"
"$VENV/bin/ruff" check --select ALL --show-files "$PY_CORPUS" 2>/dev/null | grep '\.pyi\?$' >"$OUT/ruff-files.txt" || true
RUFF_FILES="$(wc -l <"$OUT/ruff-files.txt")"
RUFF_BYTES="$(tr '\n' '\0' <"$OUT/ruff-files.txt" | xargs -0 stat -c %s | awk '{s+=$1} END {print s+0}')"

# Rounds: each round runs every tool once, so a burst of load from elsewhere on a shared
# machine lands on all tools alike rather than on one; the CPU column shows such bursts.
for run in $(seq 1 "$RUNS"); do
  measure read-only "$run" "$FILES" "$BYTES" "$FLOOR" "$CORPUS" --read-only
  [[ "$rc" == 0 ]] || FAILURES+=("read-only floor run $run: exit code $rc")
  measure parse "$run" "$FILES" "$BYTES" "$FLOOR" "$CORPUS"
  [[ "$rc" == 0 ]] || FAILURES+=("parse floor run $run: exit code $rc")
  # airlock: exit 0 (no findings) and 1 (findings) are success; anything else is a failure.
  # The report goes to a file rather than /dev/null so the runs can be compared and summarised.
  measure airlock "$run" "$FILES" "$BYTES" \
    "$AIRLOCK" check "$CORPUS" --format json --output "$OUT/airlock-$run.json"
  case "$rc" in
    0 | 1) ;;
    124) FAILURES+=("airlock run $run: no result after ${TIMEOUT} s (hang)") ;;
    *) FAILURES+=("airlock run $run: exit code $rc (see $OUT/airlock-$run.err)") ;;
  esac
  if grep -q "panicked" "$OUT/airlock-$run.err"; then
    FAILURES+=("airlock run $run: a thread panicked (see $OUT/airlock-$run.err)")
  fi
  measure airlock-py "$run" "$PY_FILES" "$PY_BYTES" \
    "$AIRLOCK" check "$PY_CORPUS" --format json --output "$OUT/airlock-py-$run.json"
  [[ "$rc" == 0 || "$rc" == 1 ]] || FAILURES+=("airlock (Python half) run $run: exit code $rc")
  # Its report (about 400 MB of text here) goes to /dev/null, so disk writes do not count.
  measure ruff "$run" "$RUFF_FILES" "$RUFF_BYTES" \
    "$VENV/bin/ruff" check --select ALL --no-cache --exit-zero --quiet \
    --output-file /dev/null "$PY_CORPUS"
  [[ "$rc" == 0 ]] || FAILURES+=("ruff run $run: exit code $rc")
done

if [[ "$HAVE_SEMGREP" == 1 ]]; then
  # One run only: Semgrep takes minutes on this corpus.
  export SEMGREP_ENABLE_VERSION_CHECK=0
  measure semgrep 1 - - \
    "$VENV/bin/semgrep" scan --config "$REPO/bench/semgrep-taint.yml" --metrics=off \
    --disable-version-check --jobs "${RAYON_NUM_THREADS:-$(nproc)}" \
    --json --output "$OUT/semgrep.json" "$PY_CORPUS"
  [[ "$rc" == 0 || "$rc" == 1 ]] || FAILURES+=("semgrep: exit code $rc")
  # Semgrep's file set (it skips tests/ folders and files over 1 MB by default).
  python3 - "$OUT/semgrep.json" "$RESULTS" <<'PY'
import json, os, sys
scanned = json.load(open(sys.argv[1])).get("paths", {}).get("scanned", [])
size = sum(os.path.getsize(p) for p in scanned if os.path.exists(p))
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2])]
for r in rows:
    if r[0] == "semgrep":
        r[2], r[3] = str(len(scanned)), str(size)
open(sys.argv[2], "w").write("".join("\t".join(r) + "\n" for r in rows))
PY
fi

# --- Determinism across thread counts ------------------------------------------------------
DETERMINISM_NOTE=""
if [[ "$DETERMINISM" == 1 ]]; then
  for t in 1 2; do
    log "airlock with RAYON_NUM_THREADS=$t"
    set +e
    RAYON_NUM_THREADS=$t timeout "$TIMEOUT" "$AIRLOCK" check "$CORPUS" --format json \
      --output "$OUT/airlock-threads-$t.json" 2>"$OUT/airlock-threads-$t.err"
    rc=$?
    set -e
    [[ "$rc" == 0 || "$rc" == 1 ]] || FAILURES+=("airlock RAYON_NUM_THREADS=$t: exit code $rc")
  done
  if cmp -s "$OUT/airlock-threads-1.json" "$OUT/airlock-threads-2.json" &&
    cmp -s "$OUT/airlock-threads-1.json" "$OUT/airlock-1.json"; then
    DETERMINISM_NOTE="JSON output byte-identical with RAYON_NUM_THREADS=1, =2 and the timed runs"
  else
    DETERMINISM_NOTE="JSON output DIFFERS between thread counts (see $OUT/airlock-threads-*.json)"
    FAILURES+=("$DETERMINISM_NOTE")
  fi
fi
for run in $(seq 2 "$RUNS"); do
  cmp -s "$OUT/airlock-1.json" "$OUT/airlock-$run.json" ||
    FAILURES+=("airlock JSON differs between timed runs 1 and $run")
done

# --- Report --------------------------------------------------------------------------------
FAILURES_TEXT="$(printf '%s\n' "${FAILURES[@]+"${FAILURES[@]}"}")"
mkdir -p "$REPO/bench/results"
export FAILURES_TEXT DETERMINISM_NOTE COMMIT LOAD_BEFORE RUFF_VERSION SEMGREP_VERSION
python3 - "$RESULTS" "$OUT" "$REPO/bench/results/latest.md" <<'PY'
import collections, json, re, statistics, sys, os, platform

results, out, md_path = sys.argv[1:4]
rows = collections.defaultdict(list)
for line in open(results):
    tool, run, files, size, secs, rss, rc, cpu = line.rstrip("\n").split("\t")
    count = lambda v: int(v) if v.isdigit() else 0
    rows[tool].append((count(files), count(size), float(secs), count(rss), int(rc), count(cpu)))

order = ["read-only", "parse", "airlock", "airlock-py", "ruff", "semgrep"]
label = {
    "read-only": "walk + read (I/O floor)",
    "parse": "walk + read + tree-sitter parse (floor)",
    "airlock": "airlock check --format json",
    "airlock-py": "airlock check, Python half",
    "ruff": "ruff check --select ALL (Python half)",
    "semgrep": "semgrep, 1 taint rule (Python half)",
}
median = {}
table = ["| tool | runs | files | MB | median s | files/s | MB/s | peak RSS MB | CPU % |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for tool in order:
    if tool not in rows:
        continue
    rs = rows[tool]
    files, size = rs[0][0], rs[0][1]
    secs = statistics.median(r[2] for r in rs)
    rss = max(r[3] for r in rs) / 1024
    cpu = statistics.median(r[5] for r in rs)
    median[tool] = secs
    mb = size / 1e6
    table.append(f"| {label[tool]} | {len(rs)} | {files:,} | {mb:.1f} | {secs:.2f} | "
                 f"{files / secs:,.0f} | {mb / secs:.1f} | {rss:,.0f} | {cpu:.0f} |")

ratios = []
for a, b in [("airlock", "parse"), ("airlock", "read-only"), ("airlock-py", "ruff"),
             ("airlock-py", "semgrep"), ("parse", "read-only")]:
    if a in median and b in median:
        ratios.append(f"- {a}/{b}: **{median[a] / median[b]:.2f}x**")

# What airlock reported on the corpus, from the first timed run.
summary = []
try:
    report = json.load(open(os.path.join(out, "airlock-1.json")))
    per_rule = collections.Counter(f["code"] for f in report.get("findings", []))
    kinds = collections.Counter(re.sub(r"\d+", "N", n["message"]) for n in report.get("notices", []))
    summary.append(f"- findings: {sum(per_rule.values())}"
                   + "".join(f"; {c} {n}" for c, n in sorted(per_rule.items())))
    summary.append(f"- notices: {sum(kinds.values())}")
    summary += [f"  - {n} x {k}" for k, n in kinds.most_common()]
except (OSError, ValueError) as e:
    summary.append(f"- no JSON report from airlock: {e}")

threads = os.environ.get("RAYON_NUM_THREADS") or f"{os.cpu_count()} (all cores)"
env = os.environ
failures = [f for f in env["FAILURES_TEXT"].splitlines() if f.strip()]
lines = [
    "# airlock benchmark: latest run",
    "",
    "Written by `bench/run.sh`; corpus from `bench/fetch-corpus.sh` (pinned PyPI wheels: their Python files;"
    " pinned npm packages: their JavaScript/TypeScript files).",
    "",
    f"- airlock commit: `{env['COMMIT']}`; threads: {threads}; machine: {platform.machine()}, {os.cpu_count()} cores",
    f"- ruff {env['RUFF_VERSION']}; semgrep {env['SEMGREP_VERSION']}" + ("" if "semgrep" in rows else " (not run)"),
    "- wall time is the median of the runs, peak RSS the largest, CPU % the median (GNU time: 100 = one core busy); MB are on-disk sizes",
    f"- load average before the run: {env.get('LOAD_BEFORE', '?')}",
    "",
    *table,
    "",
    *ratios,
    "",
    "airlock on the corpus:",
    *summary,
    "",
    "Determinism: " + (env["DETERMINISM_NOTE"] or "not checked (run with --determinism)"),
    "",
    "Failures: " + ("; ".join(failures) if failures else "none"),
]
text = "\n".join(lines) + "\n"
open(md_path, "w").write(text)
print(text)
PY
log "table written to bench/results/latest.md; raw outputs in $OUT"
[[ -z "$FAILURES_TEXT" ]] || exit 1
