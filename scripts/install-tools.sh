#!/usr/bin/env bash
# Installs what building and testing nianbao needs, skipping what is already there.
# Safe to run again and again; every step checks first (a second run takes about a second).
# Used by `scripts/serve.sh` and `scripts/test.sh`.
#
#   scripts/install-tools.sh          # everything: wasm target, rustfmt, clippy, trunk, wasm-bindgen-cli,
#                                     # wasm-opt, playwright-core and ajv (npm), a browser, CJK fonts
#   scripts/install-tools.sh web      # only what building the page needs (no browser, no fonts)
#
# The browser: $CHROMIUM when set (any Chromium or Chrome executable), else /usr/bin/chromium,
# which is installed from Debian when missing. Ubuntu's chromium is a snap: see README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"
what=${1:-all}
TRUNK_VERSION=0.21.14
# The wasm-bindgen-cli must be the version of the wasm-bindgen crate the page links: Cargo.lock's.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock)

say() { printf '[install] %s\n' "$*" >&2; }
die() {
  say "error: $*"
  exit 1
}

[[ $WASM_BINDGEN_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] ||
  die "could not read the wasm-bindgen version from Cargo.lock (got '$WASM_BINDGEN_VERSION')"

# apt-get install, as root or through sudo.
apt_install() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install $* with your package manager"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install $* with your package manager"
  say "installing $* with apt-get"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Rust: the wasm target, rustfmt and clippy, trunk, wasm-bindgen-cli -------------------------

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  say "adding rust components rustfmt and clippy"
  rustup component add rustfmt clippy
fi

if ! command -v trunk >/dev/null 2>&1 || ! trunk --version 2>/dev/null | grep -qwF "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! command -v wasm-bindgen >/dev/null 2>&1 || ! wasm-bindgen --version 2>/dev/null | grep -qwF "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes)"
  # Not --locked: one locked dependency of this version is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# --- npm: wasm-opt (binaryen; Debian's is too old to read today's wasm), playwright-core, the
# --- large-text editor (CodeMirror, bundled by esbuild into dist/modules/editor/), and ajv (the
# --- end-to-end test validates the page's downloaded JSON against schema/result.schema.json) ---
# All into tools/node_modules (ignored by git), at the versions tools/package-lock.json pins.

command -v npm >/dev/null 2>&1 || die "npm (Node.js 20 or later) is needed"

# Whether tools/node_modules holds every package of the lock file at its locked version.
npm_current() {
  [ -f tools/package-lock.json ] && [ -d tools/node_modules ] || return 1
  (cd tools && node -e '
    const lock = require("./package-lock.json").packages;
    for (const [path, p] of Object.entries(lock)) {
      if (!path) continue;
      let got;
      try { got = require("./" + path + "/package.json").version; } catch {
        if (p.optional) continue; // a binary for another platform (esbuild)
        process.exit(1);
      }
      if (got !== p.version) process.exit(1);
    }')
}

if ! npm_current; then
  say "installing tools/node_modules from npm (binaryen, playwright-core, codemirror, esbuild, ajv; no browser is downloaded)"
  # npm ci starts by deleting node_modules: keep the old one until the new one is complete, so
  # that a failed install (offline) leaves a working copy.
  rm -rf tools/node_modules.old
  [ -d tools/node_modules ] && mv tools/node_modules tools/node_modules.old
  if [ -f tools/package-lock.json ]; then
    install=(npm ci)
  else
    install=(npm install)
  fi
  if (cd tools && "${install[@]}" --no-audit --no-fund --loglevel=error); then
    rm -rf tools/node_modules.old
  elif [ -d tools/node_modules.old ]; then
    rm -rf tools/node_modules
    mv tools/node_modules.old tools/node_modules
    say "warning: '${install[*]}' failed (offline?); keeping the tools/node_modules that was there"
  else
    die "'${install[*]}' in tools/ failed"
  fi
fi

# --- The browser for the end-to-end test, and fonts for its screenshots -------------------------

if [ "$what" = all ]; then
  if [ -n "${CHROMIUM:-}" ]; then
    [ -x "$CHROMIUM" ] || die "CHROMIUM=$CHROMIUM is not an executable file"
  elif [ ! -x /usr/bin/chromium ]; then
    if grep -qs '^ID=ubuntu' /etc/os-release; then
      die "no /usr/bin/chromium, and Ubuntu's chromium is a snap the test cannot drive: install Google Chrome's .deb and run with CHROMIUM=/usr/bin/google-chrome (README.md, \"On Ubuntu\")"
    fi
    apt_install chromium
  fi
  if ! fc-list :lang=zh 2>/dev/null | grep -q . && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    apt_install fonts-noto-cjk
  fi
  # A real reader of the Excel workbooks the tests write (crates/nianbao-cli/tests/xlsx.rs,
  # tests/journey-xlsx.mjs open them with openpyxl).
  if ! python3 -c 'import openpyxl' >/dev/null 2>&1; then
    apt_install python3 python3-openpyxl
  fi
fi
say "tools ready"
