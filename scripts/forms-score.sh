#!/usr/bin/env bash
# The checker on generated correct reports in every input form (Word form filled, web page and its
# GBK copy, the page printed to PDF by Chromium, the page copied as TAB text): cells right / wrong /
# not read, clean reports without an Error, every false Error. See tools/fixtures/score_forms.py.
#   scripts/forms-score.sh [N] [score_forms.py options: --strict --forms docx,html --seed S --json F]
# N defaults to 20. Uses $NIANBAO_CLI when set, else builds and uses target/debug/nianbao.
# The PDF form is skipped (with a message) when no Chromium is found ($CHROMIUM, chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
N=${1:-20}
[ $# -gt 0 ] && shift
command -v python3 >/dev/null || { echo "forms-score: python3 is needed" >&2; exit 2; }
if [ -z "${NIANBAO_CLI:-}" ]; then
  cargo build -q -p nianbao-cli --bin nianbao --locked
  export NIANBAO_CLI="$PWD/target/debug/nianbao"
fi
# (score_forms.py renders into a temporary folder it removes; --dir DIR keeps the files.)
exec python3 tools/fixtures/score_forms.py -n "$N" "$@"
