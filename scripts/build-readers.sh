#!/usr/bin/env bash
# Builds the page's lazily loaded reader modules (Trunk post_build hook, or by hand):
#   readers/office/  Word (.docx) and web pages (files and pasted HTML)
#   readers/pdf/     PDF
# Each is the crate nianbao-readers-web built with one feature, run through wasm-bindgen
# (--target web, loaded by a dynamic import) and, in release, wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="${TRUNK_STAGING_DIR:-dist}/readers"
profile="${TRUNK_PROFILE:-release}"
for kind in office pdf; do
  target_dir="target/readers-$kind"
  flags=()
  [ "$profile" = release ] && flags+=(--release)
  cargo build -q --locked -p nianbao-readers-web --no-default-features --features "$kind" \
    --target wasm32-unknown-unknown --target-dir "$target_dir" "${flags[@]}"
  sub=$([ "$profile" = release ] && echo release || echo debug)
  wasm="$target_dir/wasm32-unknown-unknown/$sub/nianbao_readers_web.wasm"
  mkdir -p "$out/$kind"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$kind" --out-name nianbao_readers "$wasm"
  if [ "$profile" = release ] && command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz \
      "$out/$kind/nianbao_readers_bg.wasm" -o "$out/$kind/nianbao_readers_bg.wasm"
  fi
done
