#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on http://127.0.0.1:8080/
# (PORT=9000 scripts/serve.sh for another port). The page has a "示例报告" (sample) button.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-page.sh
port=${PORT:-8080}
echo "serving dist/ on http://127.0.0.1:$port/  (Ctrl-C to stop)"
exec node tests/serve-dist.mjs dist "$port"
