#!/usr/bin/env bash
# Fuzzes the engine and its readers: scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (default: all six: check_text read_bytes docx html pdf archive) for SECONDS (default
# 600), one after the other on one core. The corpus grows in fuzz/corpus/<target> (git-ignored);
# the project's fixtures are copied in as seeds. A crashing input is written to
# fuzz/artifacts/<target>/; turn it into a regression test by copying it to
# crates/nianbao/tests/data/crashes/ (see crates/nianbao/tests/crashes.rs). Needs nightly Rust
# and cargo-fuzz (installed here when missing). Exit status 1 when some target crashed.
set -euo pipefail

secs=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(check_text read_bytes docx html pdf archive)
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"

rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

fx="$root/crates/nianbao/tests/fixtures"
data="$root/crates/nianbao/tests/data"

# seed TARGET PREFIX FILE...: copies each FILE to corpus/TARGET/fixture-<name>, after the bytes
# of PREFIX (printf format; read_bytes and html take the first byte as a choice).
seed() {
  local target=$1 prefix=$2
  shift 2
  mkdir -p "corpus/$target" "artifacts/$target"
  for f in "$@"; do
    [ -f "$f" ] || continue
    local out="corpus/$target/fixture-$(basename "$f")"
    [ -f "$out" ] || { printf "$prefix"; cat "$f"; } >"$out"
  done
}
seed check_text '' "$fx"/*.txt "$data"/seeds/*.txt
seed read_bytes '\000' "$fx"/report_a_tabs*.txt "$data"/seeds/003_*.txt
seed read_bytes '\001' "$fx"/*.html
seed read_bytes '\002' "$fx"/*.docx
seed read_bytes '\003' "$fx"/*.pdf
seed docx '' "$fx"/*.docx
seed html '' "$fx"/*.html
seed pdf '' "$fx"/*.pdf
# Archives of the fixtures, made here with python3 (skipped without it).
if command -v python3 >/dev/null 2>&1 && [ ! -f corpus/archive/fixture-reports.zip ]; then
  mkdir -p corpus/archive artifacts/archive
  python3 - "$fx" corpus/archive <<'PY'
import sys, zipfile, pathlib
fx, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
with zipfile.ZipFile(out / "fixture-reports.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for f in ["report_a_tabs.txt", "report_a.html", "report_b.docx", "report_a.pdf"]:
        z.write(fx / f, "reports/" + f)
with zipfile.ZipFile(out / "fixture-stored.zip", "w", zipfile.ZIP_STORED) as z:
    z.write(fx / "report_a_tabs.txt", "a.txt")
PY
fi

status=0
for t in "${targets[@]}"; do
  echo "== $t: ${secs}s"
  # -timeout: an input that takes longer than 10 s is a stall, reported like a crash.
  if ! cargo +nightly fuzz run "$t" "corpus/$t" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
      -print_final_stats=1; then
    echo "!! $t found a crash: see fuzz/artifacts/$t/"
    status=1
  fi
done
exit $status
