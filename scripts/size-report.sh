#!/usr/bin/env bash
# Size of the built page's assets, raw and gzip-compressed. The first load (what the browser
# fetches before the user acts: the page's wasm, its JS, CSS and HTML) has a budget of 150 KB
# gzip. The worker and its modules load when the page first needs a check (engine) or a file of
# their kind arrives (office, pdf), and are listed apart. Prints, never fails.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "size report: dist/ not built"; exit 0; }
budget=150000
total_raw=0; total_gz=0
gz() { gzip -9c "$1" | wc -c; }
echo "size report (dist/), first load:"
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/snippets/*/*.js dist/snippets/*/*/*.js; do
  [ -f "$f" ] || continue
  case "$(basename "$f")" in worker.js|sw.js) continue ;; esac
  raw=$(stat -c%s "$f"); g=$(gz "$f")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + g))
  printf '  %-48s %8d B raw %8d B gzip\n' "${f#dist/}" "$raw" "$g"
done
printf '  %-48s %8d B raw %8d B gzip (budget %d B gzip: %s)\n' "first load total" "$total_raw" "$total_gz" \
  "$budget" "$([ "$total_gz" -le "$budget" ] && echo within || echo OVER)"
echo "loaded later:"
for f in dist/worker.js dist/sw.js; do
  [ -f "$f" ] && printf '  %-48s %8d B raw %8d B gzip\n' "${f#dist/}" "$(stat -c%s "$f")" "$(gz "$f")"
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
    *) when="when its first file arrives" ;;
  esac
  printf '  %-48s %8d B raw %8d B gzip (%s)\n' "module ${d#dist/}" "$raw" "$g" "$when"
done
