#!/usr/bin/env bash
# Builds, checks and packages the VS Code extension. CI calls it from the repository root; it
# needs Node 20 or later, npm and the npm registry, nothing else (no VS Code download).
set -euo pipefail
cd "$(dirname "$0")"

step() {
  printf '\n== %s (%ss)\n' "$1" "$SECONDS"
}

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "vscode-extension/ci.sh: Node 20 or later is required, found $(node --version)" >&2
  exit 1
fi

step "npm ci"
npm ci --no-audit --no-fund
step "lint"
npm run --silent lint
step "type-check"
npm run --silent typecheck
step "unit tests"
npm test
step "build"
npm run --silent build
step "end-to-end tests on the bundle"
npm run --silent test:bundle
step "package"
rm -f ./*.vsix
npm run --silent package
step "check the .vsix"
npm run --silent check-vsix
printf '\nvscode-extension: ok in %ss\n' "$SECONDS"
