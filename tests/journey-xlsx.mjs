// The supervisor's Excel journey (issue 19, item 5): a batch of the seeds, the fixtures in three
// forms and a scan; from the roll-up, the roll-up, the 问题清单 and the per-unit 问题清单 are
// downloaded as Excel workbooks (built in the worker's `xlsx` module, loaded at the first Excel
// download) and opened with a real reader, Python's openpyxl: the header is the CSV's, every cell
// equals the page's own CSV's (numbers as numbers, rates as numbers in a % format), the header
// row is frozen, the filter covers every row and column, 需修改/错误 cells are red, a warning
// yellow, the scan's row grey. Chinese and English, desktop and 390 px.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-xlsx.mjs   (expects dist/ built)
//
// Screenshot: artifacts/xlsx.png (the roll-up with the Excel downloads).

import { serve } from './serve-dist.mjs';
import { dist, seedsDir, fixtures, artifacts, check, step, finish, cliRun, csvRows, launchBrowser } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A stored .zip's entries (name → Buffer). */
function unzip(buf) {
  const out = new Map();
  let at = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const start = at + 30 + nameLen + extraLen;
    out.set(name, Buffer.from(buf.subarray(start, start + size)));
    at = start + size;
  }
  return out;
}

// What openpyxl reads of a workbook's first sheet.
const DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = [[[c.value, c.number_format, c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None] for c in row] for row in ws.iter_rows()]
print(json.dumps({"title": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows,
                  "widths": {k: v.width for k, v in ws.column_dimensions.items()}}, ensure_ascii=False))
`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-xlsx-'));
let opened = 0;
function openpyxl(bytes) {
  const p = path.join(tmp, `book-${opened++}.xlsx`);
  fs.writeFileSync(p, bytes);
  return JSON.parse(execFileSync('python3', ['-c', DUMP, p], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}
/** A workbook cell as the CSV writes it. */
function asCsv([v, fmt]) {
  if (v === null) return '';
  if (typeof v === 'number' && fmt.endsWith('%')) return `${(v * 100).toFixed(1)}%`;
  return String(v);
}
/** The CSV's field without the formula guard a CSV puts before =+-@. */
const unguard = (f) => (/^'[=+\-@]/.test(f) ? f.slice(1) : f);
/** Every cell of the workbook equals the CSV's; the header frozen; the filter over all. */
function sameAsCsv(label, book, csvText) {
  const want = csvRows(csvText).map((r) => r.map(unguard));
  const got = book.rows.map((r) => r.map(asCsv));
  check(`${label}: as many rows as the CSV (${want.length})`, got.length === want.length, `${got.length}`);
  const diff = want.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(got[i]));
  check(`${label}: every cell equals the CSV's`, diff < 0, diff < 0 ? '' : `row ${diff + 1}: ${JSON.stringify(got[diff])} vs ${JSON.stringify(want[diff])}`);
  check(`${label}: header row frozen`, book.freeze === 'A2', book.freeze);
  const lastCol = String.fromCharCode(64 + want[0].length);
  check(`${label}: filter over every row and column`, book.filter === `A1:${lastCol}${want.length}`, book.filter);
  return want;
}
const fillOf = (book, col, text) => book.rows.find((r) => r[col][0] === text)?.[col][2];

// ---- the batch ----
const batchDir = path.join(tmp, 'batch');
fs.mkdirSync(batchDir);
for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
  fs.copyFileSync(path.join(seedsDir, f), path.join(batchDir, `seed-${f}`));
}
for (const f of ['report_a.docx', 'report_b.docx', 'report_b.pdf', 'report_b.html', 'scanned.pdf']) {
  fs.copyFileSync(path.join(fixtures, f), path.join(batchDir, f));
}
const batchFiles = fs.readdirSync(batchDir).sort().map((f) => path.join(batchDir, f));
const n = batchFiles.length;
const cliDir = path.join(tmp, 'cli-units');
cliRun(['check', '--format', 'json', '--summary', path.join(tmp, 'summary.xlsx'), '--issues-dir', cliDir, '--issues-format', 'xlsx', batchDir]);
const cliUnits = fs.readdirSync(cliDir).sort();
const cliSummary = openpyxl(fs.readFileSync(path.join(tmp, 'summary.xlsx')));

const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
const pageErrors = [];

async function open(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(origin + '/');
  await page.waitForSelector('#report');
  return { context, page };
}
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}
async function runBatch(page) {
  await page.setInputFiles('#file', batchFiles);
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 180000 });
  await page.waitForFunction((k) => document.querySelectorAll('#rollup tbody tr').length === k, n);
}
async function setLang(page, en) {
  const now = await page.evaluate(() => document.querySelector('#lang').textContent.trim());
  if ((now === '中文') !== en) await page.click('#lang');
  await page.waitForFunction((e) => document.querySelector('#lang').textContent.trim() === (e ? '中文' : 'English'), en);
}

/** The roll-up, the 问题清单 and the per-unit workbooks of the page, in one language. */
async function workbooks(page, en) {
  const L = en ? 'en' : 'zh';
  const sum = await download(page, '#dl-summary-xlsx');
  check(`${L}: roll-up workbook named ${en ? 'roll-up.xlsx' : '汇总.xlsx'}`, sum.name === (en ? 'roll-up.xlsx' : '汇总.xlsx'), sum.name);
  const book = openpyxl(sum.bytes);
  const csv = (await download(page, '#dl-summary')).bytes.toString('utf8');
  const rows = sameAsCsv(`${L} roll-up`, book, csv);
  check(`${L}: roll-up sheet named`, book.title === (en ? 'Roll-up' : '汇总'), book.title);
  check(`${L}: one row per report`, rows.length === n + 1, String(rows.length));
  const head = rows[0];
  const verdict = head.indexOf(en ? 'Verdict' : '结论');
  check(`${L}: 需修改 red`, fillOf(book, verdict, en ? 'Needs fixes' : '需修改') === 'FFFFC7CE', String(fillOf(book, verdict, en ? 'Needs fixes' : '需修改')));
  check(`${L}: the scan's row grey`, fillOf(book, verdict, en ? 'Unreadable' : '无法读取') === 'FFD9D9D9', '');
  const rate = head.indexOf(en ? 'Disclosure rate' : '实质公开率');
  check(`${L}: a rate is a number shown as %`, book.rows.some((r) => typeof r[rate][0] === 'number' && r[rate][1] === '0.0%'), '');
  const fileCol = book.widths.A, yearCol = book.widths.C;
  check(`${L}: columns as wide as their text (file wider than year)`, fileCol > yearCol && fileCol <= 50, JSON.stringify(book.widths));
  if (!en) {
    const cliHead = cliSummary.rows[0].map(asCsv);
    check('zh: header as the command line\'s workbook', JSON.stringify(cliHead) === JSON.stringify(head), cliHead.join(','));
  }

  const iss = await download(page, '#dl-issues-xlsx');
  check(`${L}: 问题清单 workbook named`, iss.name === (en ? 'issues.xlsx' : '问题清单.xlsx'), iss.name);
  const ibook = openpyxl(iss.bytes);
  const irows = sameAsCsv(`${L} 问题清单`, ibook, (await download(page, '#dl-issues')).bytes.toString('utf8'));
  check(`${L}: 问题清单 headers`, irows[0][0] === (en ? 'Agency' : '单位') && irows[0][5] === (en ? 'Severity' : '严重程度'), irows[0].join(','));
  const errRow = ibook.rows.find((r) => r[5][0] === (en ? 'error' : '错误') && r[0][0]);
  check(`${L}: an error red`, errRow && errRow[5][2] === 'FFFFC7CE', JSON.stringify(errRow?.[5]));
  check(`${L}: a warning yellow`, fillOf(ibook, 5, en ? 'warning' : '提示') === 'FFFFEB9C', '');
  const scan = ibook.rows.find((r) => r[2][0] === 'scanned.pdf');
  check(`${L}: the scan's row grey, saying what to send instead`, scan && scan[5][2] === 'FFD9D9D9' && /带文字层|text layer/.test(scan[9][0]), JSON.stringify(scan?.map((c) => c[0])));

  const z = await download(page, '#dl-issues-xlsx-zip');
  const files = unzip(z.bytes);
  const names = [...files.keys()].sort();
  check(`${L}: per-unit workbooks zipped`, z.name.endsWith('.zip') && names.length === cliUnits.length && names.every((x) => x.endsWith('.xlsx')), `${z.name}: ${names.join('|')}`);
  if (!en) check('zh: named as the command line\'s --issues-dir --issues-format xlsx', names.join('|') === cliUnits.join('|'), names.join('|') + ' vs ' + cliUnits.join('|'));
  const one = openpyxl(files.get(names.find((x) => x.startsWith('scanned'))));
  check(`${L}: a unit's workbook opens with its header and row`, one.rows.length === 2 && one.rows[0][0][0] === (en ? 'Agency' : '单位') && one.freeze === 'A2', JSON.stringify(one.rows.map((r) => r[2][0])));
}

// ---- desktop ----
const desk = await open(1366, 900);
await step('desktop zh: Excel downloads of the roll-up and the 问题清单', async () => {
  await runBatch(desk.page);
  const labels = await desk.page.$$eval('.rollup .downloads button', (bs) => bs.map((b) => b.textContent));
  check('zh: Excel buttons beside the CSVs', labels.includes('下载汇总表 Excel') && labels.includes('下载问题清单 Excel') && labels.indexOf('下载汇总表 Excel') > labels.indexOf('下载汇总表 CSV'), labels.join('|'));
  await desk.page.$eval('#dl-summary-xlsx', (b) => b.scrollIntoView({ block: 'start' }));
  await desk.page.screenshot({ path: path.join(artifacts, 'xlsx.png') });
  await workbooks(desk.page, false);
});
await step('desktop en: the same workbooks in English', async () => {
  await setLang(desk.page, true);
  const labels = await desk.page.$$eval('.rollup .downloads button', (bs) => bs.map((b) => b.textContent));
  check('en: Excel buttons in English', labels.includes('Download roll-up Excel') && labels.includes('Download issue list Excel'), labels.join('|'));
  await workbooks(desk.page, true);
  await setLang(desk.page, false);
});
await desk.context.close();

// ---- phone ----
await step('phone 390 px: the roll-up workbook downloads and opens', async () => {
  const phone = await open(390, 844);
  await runBatch(phone.page);
  const box = await phone.page.$eval('#dl-summary-xlsx', (b) => { b.scrollIntoView({ block: 'center' }); const r = b.getBoundingClientRect(); return { l: r.left, r: r.right, h: r.height }; });
  check('phone: the Excel button fits the screen', box.l >= 0 && box.r <= 390 && box.h >= 24, JSON.stringify(box));
  await phone.page.screenshot({ path: path.join(artifacts, 'xlsx-phone.png') });
  const book = openpyxl((await download(phone.page, '#dl-summary-xlsx')).bytes);
  check('phone: the workbook has every report', book.rows.length === n + 1 && book.freeze === 'A2', String(book.rows.length));
  await phone.context.close();
});

check('no page errors', pageErrors.length === 0, pageErrors.join(' | '));
await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
