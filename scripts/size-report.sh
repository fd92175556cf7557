#!/usr/bin/env bash
# Size of the built page's assets, raw and gzip-compressed. The first load (what the browser
# fetches before the user acts) has a budget of 256 KB gzip; the reader modules load later, the
# first time their kind of file arrives, and are listed apart. Prints, never fails.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "size report: dist/ not built"; exit 0; }
total_raw=0; total_gz=0
echo "size report (dist/), first load:"
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/snippets/*/*.js dist/snippets/*/*/*.js; do
  [ -f "$f" ] || continue
  [ "$(basename "$f")" = reader-worker.js ] && continue
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-48s %8d B raw %8d B gzip\n' "${f#dist/}" "$raw" "$gz"
done
printf '  %-48s %8d B raw %8d B gzip (budget 256000 B gzip: %s)\n' "first load total" "$total_raw" "$total_gz" \
  "$([ "$total_gz" -le 256000 ] && echo within || echo OVER)"
[ -f dist/reader-worker.js ] && printf '  %-48s %8d B raw %8d B gzip (loaded with the first reader module)\n' \
  "reader-worker.js" "$(stat -c%s dist/reader-worker.js)" "$(gzip -9c dist/reader-worker.js | wc -c)"
for d in dist/readers/*/; do
  [ -d "$d" ] || continue
  raw=0; gz=0
  for f in "$d"*; do
    [ -f "$f" ] || continue
    raw=$((raw + $(stat -c%s "$f"))); gz=$((gz + $(gzip -9c "$f" | wc -c)))
  done
  printf '  %-48s %8d B raw %8d B gzip (loaded when its first file arrives)\n' "reader module ${d#dist/}" "$raw" "$gz"
done
