#!/usr/bin/env bash
# Every test: format, lints, the engine's and CLI's tests (with snapshots), the page built in
# release mode with its size report, and the end-to-end test in headless Chromium.
# Installs whatever is missing first (idempotent), so it runs on a bare machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
section() { printf '\n=== %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }

section "install tools"
scripts/install-tools.sh all
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

section "cargo fmt"
cargo fmt --all -- --check

section "cargo clippy (warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p nianbao-web --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p nianbao-worker --features engine,office,pdf,xlsx --target wasm32-unknown-unknown --locked -- -D warnings

section "engine and command-line tests"
# Snapshots must match what is committed: a missing or changed snapshot fails.
INSTA_UPDATE=no cargo test -p nianbao -p nianbao-cli --locked

section "every input form on 5 generated correct reports (scripts/forms-score.sh; ~30 s)"
# Fails on a cell shown as read whose value is not the report's, an Error on a correct report,
# or a cell not read in the forms read exactly (a fifth of part 二's cells blank). One cell per
# line and glued rows may leave cells not read (a blank cell leaves nothing; glued digits).
scripts/forms-score.sh 5 --strict --blanks 0.2 \
  --all-read docx,docx_num,word_paste,html,html_gbk,pdf,pdf_page,tabs,markdown
# The text forms with most cells left blank (zeros of parts 三/四 blank, a third of part 二):
# blanks leave nothing in glued and column-by-column text, so cells go unread, never wrong.
scripts/forms-score.sh 10 --strict --seed 9 --zeros 1 --blanks 0.3 \
  --forms tabs,markdown,cells,glued_rows,colmajor,one_line

section "benchmark (quick run; budget: a 15 KB report (seed 003) in under 0.3 ms natively)"
cargo bench -p nianbao --locked --bench check --bench readers -- --sample-count 20 2>&1 | grep -E "check|read|├|╰" || true

section "雷同 benchmark (quick run: 1,000 and 3,000 generated reports; the full run does 10,000)"
cargo bench -p nianbao --locked --bench similar -- --quick

section "xlsx benchmark (roll-up and 问题清单 workbooks of 1,000 and 10,000 reports)"
cargo bench -p nianbao --locked --bench xlsx 2>&1 | grep -E "xlsx|├|╰|│" || true

section "batch benchmark (quick run: text, office and .doc/.wps files through the release command line)"
cargo build -q --release -p nianbao-cli --bin nianbao --locked
cargo run -q -p nianbao-cli --example batch_bench --locked -- --quick

section "build the page (release, wasm-opt)"
trunk build --release --offline
scripts/size-report.sh

section "page batch memory (1,000 and 5,000 files; renderer RSS)"
node tests/bench-batch-memory.mjs 1000 5000

section "end-to-end test in headless Chromium"
cargo build -q -p nianbao-cli --locked
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/e2e.mjs
section "end-to-end test of the batch, last year, dismissals, offline, hostile files"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/e2e-features.mjs
section "journey: the page on a phone (390 px) and with the keyboard alone"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-phone-keyboard.mjs
section "journey: pairing in a batch, last year unreadable, a pasted link (zh/en, 390 px)"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-pairing.mjs
section "journey: a roll-up that says why, a 问题清单 per unit (zip), downloads in the page's language"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-rollup.mjs
section "journey: the same result after a reload, dismissals that count"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-reload.mjs
section "journey: the wrong cell pointed at (one, several), the dataset of every cell = the CLI's --cells"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-fix.mjs

section "journey: old Word files (.doc, .wps) in the page, one by one and in a batch (zh/en, 390 px)"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-doc.mjs
section "journey: the batch at a glance: charts that filter the roll-up, the printable batch report (zh/en, 390 px)"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-charts.mjs
section "journey: the roll-up and the 问题清单 as Excel workbooks, opened with openpyxl (zh/en, 390 px)"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-xlsx.mjs
section "journey: 雷同 between units: the roll-up's panel, a member opened with its passages marked, the CSV and the CLI (zh/en, 390 px)"
NIANBAO_CLI="$PWD/target/debug/nianbao" node tests/journey-similar.mjs

section "done"
