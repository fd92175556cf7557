#!/usr/bin/env bash
# Builds the page into dist/ (release, wasm-opt) and prints the size of what a browser loads.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh web
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
scripts/size-report.sh
