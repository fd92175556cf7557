#!/usr/bin/env bash
# Installs what building and testing nianbao needs, skipping what is already there.
# Safe to run again and again; every step checks first. Used by `scripts/serve.sh` and `.ci/run`.
#
#   scripts/install-tools.sh          # everything: wasm target, trunk, wasm-bindgen-cli, wasm-opt, chromium, playwright-core
#   scripts/install-tools.sh web      # only what building the page needs (no browser)
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"
what=${1:-all}
TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
PLAYWRIGHT_VERSION=1.65.1

say() { printf '[install] %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null 2>&1 || ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! command -v wasm-bindgen >/dev/null 2>&1 || ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes)"
  # Not --locked: one locked dependency of this version is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-opt from npm's binaryen (Debian's is too old to read today's wasm) and playwright-core,
# both into tools/node_modules (ignored by git).
mkdir -p tools
if [ ! -f tools/package.json ]; then
  printf '{ "name": "nianbao-tools", "private": true }\n' > tools/package.json
fi
if [ ! -x tools/node_modules/.bin/wasm-opt ]; then
  say "installing binaryen@$BINARYEN_VERSION (wasm-opt) from npm"
  (cd tools && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION")
fi

if [ "$what" = all ]; then
  if [ ! -d tools/node_modules/playwright-core ]; then
    say "installing playwright-core@$PLAYWRIGHT_VERSION from npm (it downloads no browser)"
    (cd tools && npm install --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_VERSION")
  fi
  if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    say "installing chromium from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
fi
say "tools ready"
