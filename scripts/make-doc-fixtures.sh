#!/usr/bin/env bash
# Makes the old-Word fixtures of crates/nianbao/tests/fixtures/ from the project's own .docx
# fixtures with LibreOffice: report_a.doc, report_b.doc, report_a_numbered.doc (Word 97–2003,
# `soffice --headless --convert-to doc`), and report_a.wps.
#
# report_a.wps is NOT made by WPS Office (it is not installed here): it is report_a.doc saved
# under the .wps name. WPS Office's own .wps is the same compound file with a `WordDocument`
# stream, which is what the reader relies on; a real WPS-made file may differ in details.
#
# sheet_as.doc is an Excel-like workbook under a .doc name (the compound file a unit sometimes
# sends by mistake; the reader must name it): a compound file whose `Workbook` stream holds a
# BIFF8 BOF record and EOF, written by crates/nianbao/tests/doc.rs with the cfb crate, NOT by
# Excel (LibreOffice here has no Calc).
#
# Run from the repository root; commit the outputs with this script.
set -euo pipefail
dir=crates/nianbao/tests/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in report_a report_b report_a_numbered; do
  soffice --headless -env:UserInstallation=file://"$tmp"/profile \
    --convert-to doc:"MS Word 97" --outdir "$tmp" "$dir/$f.docx" >/dev/null
  cp "$tmp/$f.doc" "$dir/$f.doc"
done
cp "$dir/report_a.doc" "$dir/report_a.wps"
# LibreOffice here has no Calc: the workbook is written by the engine's test (cfb).
NIANBAO_WRITE_FIXTURES=1 cargo test -q -p nianbao --test doc a_workbook_under_a_doc_name >/dev/null
ls -l "$dir"/*.doc "$dir"/*.wps
