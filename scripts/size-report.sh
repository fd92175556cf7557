#!/usr/bin/env bash
# Size of the built page's assets, raw and gzip-compressed; the budget for the first load is
# 250 KB gzip. Prints, never fails (budgets are reported, not enforced by flaky tests).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "size report: dist/ not built"; exit 0; }
total_raw=0; total_gz=0
echo "size report (dist/):"
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html; do
  [ -f "$f" ] || continue
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-48s %8d B raw %8d B gzip\n' "$(basename "$f")" "$raw" "$gz"
done
printf '  %-48s %8d B raw %8d B gzip (budget 256000 B gzip: %s)\n' "total" "$total_raw" "$total_gz" \
  "$([ "$total_gz" -le 256000 ] && echo within || echo OVER)"
