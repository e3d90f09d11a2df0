#!/usr/bin/env bash
# The ecosystem check: airlock on real agent applications, MCP servers and framework packages as
# published on PyPI and npm, at pinned versions, each analysed on its own; every finding is looked
# up in the committed triage file and the result written to bench/ecosystem/SUMMARY.md.
#
# Usage: bench/ecosystem/run.sh [--check] [--no-build]
#   --check      do not write SUMMARY.md: compare a fresh summary with the committed one and exit
#                1 if they differ (a change in findings, or a finding without a triage entry)
#   --no-build   use target/release/airlock as it is
# Environment:
#   AIRLOCK_ECOSYSTEM_CACHE  the cache (default ~/.cache/airlock-ecosystem): downloads, unpacked
#                            packages and airlock's JSON output per package
#   AIRLOCK_BIN              with --no-build, the binary to run (default target/release/airlock)
#
# It needs the network (PyPI and npm only), so CI does not run it. No code from these packages is
# committed, imported, built or run: only wheels are fetched from PyPI (an sdist's metadata step
# would run its build backend), `npm pack --ignore-scripts` only downloads a tarball, and both are
# unpacked by a Python helper that keeps source and configuration files and refuses any path
# that would leave the target folder.
#
# Layout of the cache:
#   dist/                 the downloaded wheels and tarballs
#   src/<name>-<version>/ one unpacked package: the folder airlock checks
#   out/<name>.json       airlock's JSON output for it
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$REPO/bench/ecosystem"
CACHE="${AIRLOCK_ECOSYSTEM_CACHE:-$HOME/.cache/airlock-ecosystem}"
TIMEOUT=300 # seconds per package
CHECK=0
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    --no-build) BUILD=0 ;;
    -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "ecosystem: unknown argument $arg" >&2; exit 2 ;;
  esac
done

# The projects in /work/shared/benchmarks/RESERVED.md (modelcontextprotocol/servers packages,
# awslabs.* servers, deepagents, fastmcp, open_deep_research, stripe agent-toolkit, ...) are kept
# for an independent hold-out and must never be listed here.
#
# The pinned list: `pypi:<name>==<version>` (a wheel) or `npm:<name>@<version>` (a tarball).
# Bump a version here and rerun; findings whose fingerprint changes then show up as untriaged.
PACKAGES=(
  # MCP servers (Python)
  pypi:mcp-server-duckdb==1.1.0
  pypi:mcp-server-qdrant==0.8.1
  pypi:mcp-clickhouse==0.7.0
  pypi:cli-mcp-server==0.2.5
  pypi:excel-mcp-server==2.2.2
  pypi:office-word-mcp-server==1.1.11
  pypi:pdf-tools-mcp==0.1.4
  pypi:chroma-mcp==0.2.6
  pypi:mcp-atlassian==0.23.1
  pypi:workspace-mcp==2.2.1
  pypi:blender-mcp==2.0.0
  pypi:mcp-shell-server==1.1.14
  pypi:mysql-mcp-server==0.4.4
  pypi:office-powerpoint-mcp-server==2.0.7
  pypi:mcp-pandoc==0.11.1
  pypi:serena-agent==2.1.0
  pypi:jupyter-mcp-server==2.2.4
  pypi:mcp-obsidian==0.2.3
  pypi:dbt-mcp==2.8.0
  pypi:jcodemunch-mcp==1.108.399
  pypi:arxiv-mcp-server==0.8.2
  pypi:postgres-mcp==0.3.0
  pypi:mcp-server-motherduck==1.1.0
  pypi:markitdown-mcp==0.0.1a8
  pypi:duckduckgo-mcp-server==0.7.0
  pypi:lean-lsp-mcp==0.32.0
  pypi:mcpo==0.0.20
  pypi:mcp-grafana==2.1.1
  pypi:opensearch-mcp-server-py==0.12.0
  pypi:snowflake-labs-mcp==1.4.2
  pypi:mcpforunityserver==10.3.0
  pypi:code-review-graph==2.3.9
  pypi:astro-airflow-mcp==0.9.1
  pypi:django-mcp-server==0.5.7
  pypi:web-forager==4.0.0
  pypi:notebooklm-mcp-cli==0.15.8
  pypi:mcp-alchemy==2026.10.15.202659
  pypi:mcp-neo4j-cypher==0.6.0
  pypi:mcp-neo4j-memory==0.4.5
  pypi:mcp-server-starrocks==0.4.0
  pypi:mcp-ocr==0.2.0
  pypi:pymupdf4llm-mcp==1.28.0
  pypi:paper-search-mcp==0.1.4
  pypi:mcp-server-tree-sitter==0.7.0
  pypi:mcp-server-browser-use==0.1.9
  pypi:docling-mcp==3.3.0
  pypi:mcp-stata==3.3.0
  pypi:mcp-python-interpreter==1.2.3
  pypi:mcp-server-aidd==0.1.23
  pypi:tilt-mcp==0.1.3
  pypi:kubectl-mcp-server==2.0.0
  pypi:ha-mcp==3.5.1
  # MCP servers (npm)
  npm:@upstash/context7-mcp@4.1.1
  npm:firecrawl-mcp@3.22.2
  npm:@wonderwhy-er/desktop-commander@0.2.52
  npm:mcp-server-kubernetes@4.1.7
  npm:@a-bonus/google-docs-mcp@1.11.3
  npm:@agent-infra/mcp-server-commands@1.2.18
  npm:@agent-infra/mcp-server-filesystem@1.2.29
  npm:@agent-infra/mcp-server-browser@1.2.29
  npm:@0xshariq/docker-mcp-server@2.0.4
  npm:@agentdeskai/browser-tools-mcp@2.0.2
  npm:@henkey/postgres-mcp-server@1.0.7
  npm:@executeautomation/database-server@1.1.0
  npm:@notionhq/notion-mcp-server@2.5.2
  npm:mcp-server-code-runner@0.1.8
  npm:ssh-mcp@2.11.0
  npm:codex-mcp-server@1.4.10
  npm:@steipete/claude-code-mcp@1.10.12
  npm:@anaisbetts/mcp-installer@0.5.0
  npm:@coding-solo/godot-mcp@0.1.1
  npm:@gongrzhe/server-gmail-autoauth-mcp@1.1.11
  npm:@berthojoris/mcp-mysql-server@1.43.2
  npm:github-mcp-server@1.8.7
  # Agent applications
  pypi:gpt-researcher==0.16.1
  pypi:mini-swe-agent==2.4.6
  pypi:nearai==0.1.19
  pypi:langgraph-codeact==0.1.3
  pypi:langgraph-bigtool==0.0.3
  pypi:langmem==0.0.30
  pypi:cuga==0.4.3
  pypi:open-interpreter==0.4.3
  pypi:fast-agent-mcp==0.10.48
  pypi:mcp-use==1.7.1
  # Agent frameworks and tool collections
  pypi:langgraph-supervisor==0.0.31
  pypi:langgraph-swarm==0.1.0
  pypi:openai-agents==0.24.0
  pypi:crewai-tools==1.15.30
  pypi:langchain-community==0.4.2
  pypi:agno==3.1.10
  pypi:phidata==2.7.10
  pypi:camel-ai==0.2.90
  pypi:qwen-agent==0.0.34
  pypi:autogen-ext==0.7.5
  pypi:autogen-agentchat==0.7.5
  pypi:autogenstudio==0.4.2.2
  pypi:llama-index-core==0.14.25
  pypi:llama-index-tools-mcp==0.6.0
  pypi:praisonaiagents==1.7.17
  pypi:smolagents==1.26.0
  pypi:swarms==16.0.3
  # Frameworks of issue 18: the published packages, their official examples where the registry
  # has them (Pydantic AI's), and applications built on them. ADK's, the Vercel AI SDK's and
  # Mastra's examples are published only as source repositories, not on PyPI or npm.
  pypi:pydantic-ai-slim==2.68.0
  pypi:pydantic-ai-examples==2.62.0
  pypi:google-adk==2.13.0
  pypi:recodeai==0.1.1
  pypi:repo-lens==0.1.3
  npm:ai@7.0.185
  npm:@mastra/core@1.71.0
  npm:mastra@1.31.0
  npm:@mastra/mcp-docs-server@1.2.27
  npm:@cloudbase/agent-examples-mastra-agentic-chat@0.0.24
  npm:@cloudbase/agent-examples-mastra-human-in-the-loop@0.0.24
)

log() { echo "ecosystem: $*" >&2; }

mkdir -p "$CACHE/dist" "$CACHE/src" "$CACHE/out"

# unpack ARCHIVE TARGET [STRIP]: the source and configuration files of a wheel (zip) or a tarball,
# without the first STRIP path components.
unpack() {
  python3 - "$1" "$2" "${3:-0}" <<'PY'
"""Extracts source and configuration members, refusing any path that would leave the target."""
import os
import sys
import tarfile
import zipfile

archive, target, strip = sys.argv[1], sys.argv[2], int(sys.argv[3])
KEEP = (".py", ".pyi", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx", ".jsx",
        ".json", ".jsonc", ".yaml", ".yml", ".toml")
MAX = 4 * 1024 * 1024
root = os.path.realpath(target)


def members():
    if archive.endswith(".whl") or archive.endswith(".zip"):
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not info.is_dir() and info.file_size <= MAX:
                    yield info.filename, lambda info=info: zf.read(info)
    else:
        with tarfile.open(archive) as tf:
            for info in tf.getmembers():
                if info.isfile() and info.size <= MAX:
                    yield info.name, lambda info=info: tf.extractfile(info).read()


count = 0
for name, read in members():
    parts = name.split("/")[strip:]
    if not parts or not name.endswith(KEEP):
        continue
    rel = "/".join(parts)
    dest = os.path.realpath(os.path.join(root, rel))
    if os.path.isabs(rel) or not dest.startswith(root + os.sep):
        print(f"ecosystem: skipping unsafe path {name!r}", file=sys.stderr)
        continue
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as out:
        out.write(read())
    count += 1
print(f"ecosystem: {count} files", file=sys.stderr)
PY
}

# --- Fetching ----------------------------------------------------------------------------------
NAMES=()
DIRS=()
for spec in "${PACKAGES[@]}"; do
  kind="${spec%%:*}"
  rest="${spec#*:}"
  if [[ "$kind" == pypi ]]; then
    name="${rest%%==*}"
    version="${rest##*==}"
  else
    name="${rest%@*}"
    version="${rest##*@}"
  fi
  dir="$CACHE/src/$(printf '%s' "$name" | tr '/@' '__')-$version"
  NAMES+=("$name==$version")
  DIRS+=("$dir")
  [[ -f "$dir/.airlock-ecosystem-complete" ]] && continue
  rm -rf "$dir"
  mkdir -p "$dir"
  if [[ "$kind" == pypi ]]; then
    prefix="$(printf '%s' "$name" | sed -E 's/[-_.]+/_/g')-$version-"
    wheel="$(find "$CACHE/dist" -maxdepth 1 -iname "${prefix}*.whl" | head -n 1)"
    if [[ -z "$wheel" ]]; then
      log "downloading $name==$version"
      python3 -m pip download --quiet --disable-pip-version-check --no-deps \
        --only-binary=:all: --python-version 3.12 --dest "$CACHE/dist" "$name==$version"
      wheel="$(find "$CACHE/dist" -maxdepth 1 -iname "${prefix}*.whl" | head -n 1)"
      [[ -n "$wheel" ]] || { log "no wheel for $name==$version"; exit 1; }
    fi
    log "unpacking $(basename "$wheel")"
    unpack "$wheel" "$dir" 0
  else
    tarball="$CACHE/dist/$(printf '%s' "$name" | sed -e 's/^@//' -e 's#/#-#')-$version.tgz"
    if [[ ! -f "$tarball" ]]; then
      log "downloading $name@$version"
      (cd "$CACHE/dist" && npm pack --silent --ignore-scripts "$name@$version" >/dev/null)
      [[ -f "$tarball" ]] || { log "no tarball for $name@$version"; exit 1; }
    fi
    log "unpacking $(basename "$tarball")"
    unpack "$tarball" "$dir" 1
    # npm packages ship their code compiled under dist/ or build/, which the default excludes
    # skip; the checked package is that code, so only node_modules/ stays excluded.
    printf 'exclude = ["node_modules/"]\n' >"$dir/airlock.toml"
  fi
  touch "$dir/.airlock-ecosystem-complete"
done

# --- Running airlock ---------------------------------------------------------------------------
if [[ "$BUILD" == 1 ]]; then
  log "building the release binary"
  (cd "$REPO" && cargo build --release --quiet --bin airlock)
fi
AIRLOCK="${AIRLOCK_BIN:-$REPO/target/release/airlock}"
[[ -x "$AIRLOCK" ]] || { log "no $AIRLOCK; run without --no-build"; exit 1; }

rm -f "$CACHE/out"/*.json "$CACHE/out/index.tsv"
for i in "${!NAMES[@]}"; do
  spec="${NAMES[$i]}"
  dir="${DIRS[$i]}"
  out="$CACHE/out/$(basename "$dir").json"
  log "checking $spec"
  status=0
  timeout "$TIMEOUT" "$AIRLOCK" check "$dir" --format json --exit-zero >"$out" 2>"$out.stderr" ||
    status=$?
  files="$(find "$dir" -type f ! -name .airlock-ecosystem-complete ! -name airlock.toml | wc -l)"
  printf '%s\t%s\t%s\t%s\n' "$spec" "$out" "$status" "$files" >>"$CACHE/out/index.tsv"
done

# --- Summary -----------------------------------------------------------------------------------
FRESH="$CACHE/out/SUMMARY.md"
HEADLINE="$(python3 "$HERE/summarize.py" "$CACHE/out/index.tsv" "$HERE/triage.toml" "$FRESH")"
if [[ "$CHECK" == 1 ]]; then
  if diff -u "$HERE/SUMMARY.md" "$FRESH"; then
    log "summary unchanged"
  else
    log "the findings changed: triage them in bench/ecosystem/triage.toml and rerun without --check"
    exit 1
  fi
  if grep -q 'untriaged' <(sed -n '/^## Findings/,$p' "$FRESH"); then
    log "some findings have no triage entry"
    exit 1
  fi
else
  cp "$FRESH" "$HERE/SUMMARY.md"
  log "wrote bench/ecosystem/SUMMARY.md"
fi
# The last line: the headline figure.
echo "$HEADLINE"
