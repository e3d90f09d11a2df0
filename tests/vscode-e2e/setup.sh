#!/usr/bin/env bash
# Installs the real VS Code of tests/vscode_e2e.rs without any download outside the package
# registries: code-server (pinned in package-lock.json) from npm with `--ignore-scripts`, its
# VS Code half from code-server's own npm-shrinkwrap.json, the native modules it loads built
# here with npm's node-gyp against the local Node headers (no header download), and Debian's
# `rg` in place of the ripgrep binary @vscode/ripgrep would fetch from GitHub. Idempotent: a
# stamp records the lock file and Node version it was built for, so a warm run costs nothing.
set -euo pipefail
cd "$(dirname "$0")"

stamp=node_modules/.airlock-e2e-ready
want="$(sha256sum package-lock.json | cut -d' ' -f1) node $(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  echo "tests/vscode-e2e/setup.sh: code-server 4.100 needs Node 20, found $(node --version)" >&2
  exit 1
fi
rg=$(command -v rg || true)
if [ -z "$rg" ]; then
  echo "tests/vscode-e2e/setup.sh: needs Debian's ripgrep (apt-get install ripgrep)" >&2
  exit 1
fi
nodedir=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [ ! -f "$nodedir/include/node/node.h" ]; then
  echo "tests/vscode-e2e/setup.sh: no Node headers under $nodedir/include/node" >&2
  exit 1
fi
gyp="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
if [ ! -f "$gyp" ]; then
  echo "tests/vscode-e2e/setup.sh: npm's node-gyp is not at $gyp" >&2
  exit 1
fi

rm -f "$stamp"
npm ci --ignore-scripts --no-audit --no-fund --silent
vscode=node_modules/code-server/lib/vscode
# As code-server's postinstall.sh does: `npm install` from its npm-shrinkwrap.json (which
# `npm ci` refuses: the shrinkwrap lacks one transitive entry, tslib).
(cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --silent)

# What code-server's postinstall.sh would do, minus its downloads.
ln -sfn node_modules "$vscode/node_modules.asar"
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
ln -sfn "$rg" "$vscode/node_modules/@vscode/ripgrep/bin/rg"

build() {
  (cd "$1" && nice node "$gyp" rebuild --nodedir="$nodedir" --jobs=1 --silent "${@:2}" >/dev/null)
}
# argon2 (code-server's password hashing, loaded at start) looks for its binding where
# node-pre-gyp would have put it.
build node_modules/argon2 --module_name=argon2 --module_path=build/binding --napi_build_version=3
mkdir -p node_modules/argon2/lib/binding/napi-v3
cp node_modules/argon2/build/Release/argon2.node node_modules/argon2/lib/binding/napi-v3/
# The server side of VS Code: logging, the extension host's watchdog, the terminal host.
for m in @vscode/spdlog native-watchdog node-pty; do
  build "$vscode/node_modules/$m"
done

echo "$want" > "$stamp"
