#!/usr/bin/env bash
# Builds the modules the page runs in its Web Worker (Trunk post_build hook, or by hand):
#   modules/engine/  the checks, downloads and batch (loaded when the page first needs a check)
#   modules/office/  Word (.docx), web pages (files and pasted HTML) and .zip archives
#   modules/pdf/     PDF
#   modules/xlsx/    Excel workbooks of the roll-up and the 问题清单 (the first Excel download)
#   modules/editor/  the text box for long reports (CodeMirror; bundled by esbuild, not Rust)
# Each is the crate nianbao-worker built with one feature, run through wasm-bindgen
# (--target web, loaded by a dynamic import in static/worker.js) and, in release, wasm-opt -Oz.
# Then index.html is made to load the page's app at the first action (scripts/shell-loader.mjs)
# and the service worker's file list is written.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="${TRUNK_STAGING_DIR:-dist}/modules"
profile="${TRUNK_PROFILE:-release}"
for kind in engine office pdf xlsx; do
  target_dir="target/worker-$kind"
  flags=()
  [ "$profile" = release ] && flags+=(--release)
  cargo build -q --locked -p nianbao-worker --no-default-features --features "$kind" \
    --target wasm32-unknown-unknown --target-dir "$target_dir" "${flags[@]}"
  sub=$([ "$profile" = release ] && echo release || echo debug)
  wasm="$target_dir/wasm32-unknown-unknown/$sub/nianbao_worker.wasm"
  mkdir -p "$out/$kind"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$kind" --out-name nianbao_worker "$wasm"
  if [ "$profile" = release ] && command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz \
      "$out/$kind/nianbao_worker_bg.wasm" -o "$out/$kind/nianbao_worker_bg.wasm"
  fi
done

# The text box for long reports (static/editor.js with CodeMirror, from tools/node_modules),
# bundled into one module the page loads when a text over 50,000 bytes arrives.
mkdir -p "$out/editor"
minify=()
[ "$profile" = release ] && minify+=(--minify)
NODE_PATH="$PWD/tools/node_modules" esbuild static/editor.js --bundle --format=esm "${minify[@]}" \
  --banner:js="/* nianbao's long-text box: static/editor.js with CodeMirror 6 (MIT licence, codemirror.net) */" \
  --outfile="$out/editor/editor.js" --log-level=warning

# The page's first view is plain HTML; its app loads when the user first acts.
node scripts/shell-loader.mjs "${TRUNK_STAGING_DIR:-dist}/index.html"

# The service worker's list of files to keep for offline use: every file of the build, and a
# version that changes with any of them.
root="${TRUNK_STAGING_DIR:-dist}"
if [ -f "$root/sw.js" ]; then
  files=$(cd "$root" && find . -type f ! -name sw.js | sed 's#^\./##' | sort)
  version=$(cd "$root" && echo "$files" | xargs sha256sum | sha256sum | cut -c1-16)
  list=$(echo "$files" | sed 's#.*#"&"#' | paste -sd, -)
  sed -i "s#^const VERSION = .*#const VERSION = '$version';#; s#^const FILES = .*#const FILES = ['./', $list];#" "$root/sw.js"
fi
