#!/usr/bin/env bash
# Fuzzes the engine and its readers: scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (default: all eight: check_text read_bytes docx doc html pdf archive tables) for
# SECONDS (default 600), one after the other on one core, at the lowest priority (nice 19).
#
# Inputs, in this order:
#   fuzz/corpus/<target>/  the minimised corpus (committed): where new inputs are written, and
#                          minimised again (`cargo fuzz cmin`) after the run; commit what changed.
#   fuzz/seeds/<target>/   small seeds (committed), written by tools/fuzz_seeds.py: tiny PDFs
#                          (a CID font with ToUnicode, an xref stream, a ruled table), minimal
#                          Word files and web pages with merged cells, small zips, short texts;
#                          for `doc`, the .doc fixtures themselves (64 KB, under -max_len).
#   the project's fixtures (100-500 KB PDFs, 30 KB pages): only with FUZZ_FIXTURES=1, and last;
#                          they slow the PDF target from thousands of inputs a second to a few.
# `tables` is structure-aware (see fuzz/fuzz_targets/tables.rs): its corpus is of its own kind.
#
# A crashing input is written to fuzz/artifacts/<target>/; turn it into a regression test by
# copying it to crates/nianbao/tests/data/crashes/ (see crates/nianbao/tests/crashes.rs).
# To see the report a `tables` artifact makes: NIANBAO_FUZZ_PRINT=1
# fuzz/target/x86_64-unknown-linux-gnu/release/tables ARTIFACT (the report goes to stderr). Needs
# nightly Rust and cargo-fuzz (installed here when missing). Built without a sanitizer: the
# engine has no unsafe code, and the address sanitizer halves the executions; debug assertions
# and overflow checks stay on. Exit status 1 when some target crashed.
set -euo pipefail

secs=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(check_text read_bytes docx doc html pdf archive tables)
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"

rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# The seeds are committed; written again only when missing (python3 is then needed).
if [ ! -d seeds/pdf ]; then
  python3 "$root/tools/fuzz_seeds.py"
fi

max_len=65536
fixtures=()
if [ "${FUZZ_FIXTURES:-0}" = 1 ]; then
  max_len=524288
  fx="$root/crates/nianbao/tests/fixtures"
  data="$root/crates/nianbao/tests/data"
  # fixture TARGET PREFIX FILE...: copies each FILE to fixture-seeds/TARGET/<name> (git-ignored),
  # after the bytes of PREFIX (printf format; read_bytes and html take the first byte as a choice).
  fixture() {
    local target=$1 prefix=$2
    shift 2
    mkdir -p "fixture-seeds/$target"
    for f in "$@"; do
      [ -f "$f" ] || continue
      local out="fixture-seeds/$target/$(basename "$f")"
      [ -f "$out" ] || { printf "$prefix"; cat "$f"; } >"$out"
    done
  }
  fixture check_text '' "$fx"/*.txt "$data"/seeds/*.txt
  fixture read_bytes '\000' "$fx"/report_a_tabs*.txt "$data"/seeds/003_*.txt
  fixture read_bytes '\001' "$fx"/*.html
  fixture read_bytes '\002' "$fx"/*.docx
  fixture read_bytes '\003' "$fx"/*.pdf
  fixture docx '' "$fx"/*.docx
  fixture html '' "$fx"/*.html
  fixture pdf '' "$fx"/*.pdf
fi

status=0
for t in "${targets[@]}"; do
  echo "== $t: ${secs}s"
  mkdir -p "corpus/$t" "artifacts/$t"
  dirs=("corpus/$t")
  [ -d "seeds/$t" ] && dirs+=("seeds/$t")
  [ -d "fixture-seeds/$t" ] && dirs+=("fixture-seeds/$t")
  # -timeout: an input that takes longer than 10 s is a stall, reported like a crash.
  if ! nice -n 19 cargo +nightly fuzz run -s none "$t" "${dirs[@]}" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
      -print_final_stats=1; then
    echo "!! $t found a crash: see fuzz/artifacts/$t/"
    status=1
  fi
  # Keep the corpus minimal: only inputs that add coverage.
  nice -n 19 cargo +nightly fuzz cmin -s none "$t" "corpus/$t" -- -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 2
  echo "$t corpus: $(find "corpus/$t" -type f | wc -l) files, $(du -sh "corpus/$t" | cut -f1)"
done
exit $status
