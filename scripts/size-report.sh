#!/usr/bin/env bash
# Size of the built page's assets, raw and gzip-compressed. The first load (what the browser
# fetches before the user acts: index.html, which holds the page's first view as plain HTML, its
# CSS, static/shell.js and the paste rule it imports, static/paste.js) has a budget of 150 KB
# gzip. The app (the Yew page's JS and wasm) loads at the user's first action (a focus, click,
# key, drag or paste; at once when the browser keeps a report from an earlier visit); the worker
# and its modules when the page first needs a check (engine) or a file of their kind arrives
# (office, pdf). They are listed apart. Prints, never fails.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "size report: dist/ not built"; exit 0; }
budget=150000
gz() { gzip -9c "$1" | wc -c; }
row() { printf '  %-48s %8d B raw %8d B gzip\n' "${1#dist/}" "$(stat -c%s "$1")" "$(gz "$1")"; }
total_raw=0; total_gz=0
echo "size report (dist/), first load:"
for f in dist/index.html dist/*.css dist/shell.js dist/paste.js; do
  [ -f "$f" ] || continue
  total_raw=$((total_raw + $(stat -c%s "$f"))); total_gz=$((total_gz + $(gz "$f")))
  row "$f"
done
printf '  %-48s %8d B raw %8d B gzip (budget %d B gzip: %s)\n' "first load total" "$total_raw" "$total_gz" \
  "$budget" "$([ "$total_gz" -le "$budget" ] && echo within || echo OVER)"
app_raw=0; app_gz=0
echo "the app, at the first action:"
for f in dist/nianbao-web-*.wasm dist/nianbao-web-*.js dist/snippets/*/*.js dist/snippets/*/*/*.js; do
  [ -f "$f" ] || continue
  app_raw=$((app_raw + $(stat -c%s "$f"))); app_gz=$((app_gz + $(gz "$f")))
  row "$f"
done
printf '  %-48s %8d B raw %8d B gzip\n' "app total" "$app_raw" "$app_gz"
echo "loaded later:"
for f in dist/worker.js dist/sw.js; do
  [ -f "$f" ] && row "$f"
done
for d in dist/modules/*/; do
  [ -d "$d" ] || continue
  raw=0; g=0
  for f in "$d"*; do
    [ -f "$f" ] || continue
    raw=$((raw + $(stat -c%s "$f"))); g=$((g + $(gz "$f")))
  done
  case "$d" in
    */engine/) when="when the page first needs a check" ;;
    */editor/) when="when a text over 50,000 bytes arrives" ;;
    *) when="when its first file arrives" ;;
  esac
  printf '  %-48s %8d B raw %8d B gzip (%s)\n' "module ${d#dist/}" "$raw" "$g" "$when"
done
