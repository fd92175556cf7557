// Old Word files in the page (issue 19, item 1), as a supervisor walks them, in Chinese and
// English, at desktop width and at 390 px:
// - report_a.doc (Word 97–2003, made by LibreOffice from report_a.docx): the verdict and every
//   grid cell equal the .docx's, the document card names the reader as Word 97–2003/WPS;
// - report_a.wps (the .doc under a .wps name: WPS Office's .wps is the same compound file);
// - a workbook sent under a .doc name: the message names it as an Excel table, the text kept;
// - a batch of .docx + .doc + .wps + the workbook: a roll-up row each, verdicts as the CLI's, the
//   workbook's row unreadable with its reason; the roll-up CSV says the same.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-doc.mjs   (expects dist/ built)
//
// Screenshots: artifacts/doc.png (the .doc's verdict and document card), artifacts/doc-grid.png
// (its part 三 grid), artifacts/doc-batch.png, artifacts/doc-390.png, artifacts/doc-en.png.

import { serve } from './serve-dist.mjs';
import { dist, fixtures, artifacts, cli, check, step, finish, csvRows, launchBrowser, watchForeign } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fx = (n) => path.join(fixtures, n);
/** The command line's JSON result of a file (exit 1 when it has errors). */
function cliJson(file) {
  try {
    return JSON.parse(execFileSync(cli, ['check', '--format', 'json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch (e) {
    return JSON.parse(e.stdout);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-journey-doc-'));
const dir = path.join(tmp, 'batch');
fs.mkdirSync(dir);
const batch = [
  ['丰泽区-2022.docx', 'report_a.docx'],
  ['丰泽区-2022-旧版.doc', 'report_a.doc'],
  ['丰泽区-改错.doc', 'report_b.doc'],
  ['丰泽区-2022.wps', 'report_a.wps'],
  ['汇总表.doc', 'sheet_as.doc'],
];
for (const [name, from] of batch) fs.copyFileSync(fx(from), path.join(dir, name));

const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();

async function open(width) {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 }, acceptDownloads: true, isMobile: width < 500, hasTouch: width < 500 });
  const foreign = watchForeign(context, origin);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(origin + '/');
  await page.waitForSelector('#report');
  return { context, page, foreign, errors };
}

async function setLang(page, en) {
  const isEn = await page.evaluate(() => document.querySelector('main')?.getAttribute('lang') === 'en');
  if (isEn !== en) await page.click('#lang');
  await page.waitForFunction((en) => document.querySelector('main')?.getAttribute('lang') === (en ? 'en' : 'zh-CN'), en);
}
async function waitForRead(page, name) {
  await page.waitForFunction(
    (n) => document.querySelector('.stats')?.textContent.includes(n) && document.querySelector('.result-pane[aria-busy=false] [data-verdict]') && !document.querySelector('.notice:not(.error)'),
    name,
    { timeout: 60000 },
  );
}
const gridCells = (page, table) =>
  page.locator(`table.grid-${table} td[data-cell]`).evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.cell, [e.firstChild?.textContent ?? '', e.dataset.read]])));

const docx = cliJson(fx('report_a.docx'));
const doc = cliJson(fx('report_a.doc'));
check('CLI: report_a.doc is read as doc, with the .docx verdict', doc.input.form === 'doc' && doc.verdict === docx.verdict && docx.verdict === 'pass', `${doc.input.form} ${doc.verdict}`);

// ---- one file: the .doc, then its .docx, cell by cell; the .wps ----
const desk = await open(1366);
await step('a .doc file', async () => {
  const { page } = desk;
  await setLang(page, false);
  await page.setInputFiles('#file', fx('report_a.docx'));
  await waitForRead(page, 'report_a.docx');
  const fromDocx = { requests: await gridCells(page, 'requests'), appeals: await gridCells(page, 'appeals') };
  const textDocx = await page.inputValue('#report');
  await page.setInputFiles('#file', fx('report_a.doc'));
  await waitForRead(page, 'report_a.doc');
  const verdict = await page.getAttribute('[data-verdict]', 'data-verdict');
  check('report_a.doc: the page verdict is the .docx\'s (pass)', verdict === docx.verdict, verdict);
  const form = await page.textContent('[data-meta="form"]');
  check('report_a.doc: the reader is named Word 97–2003/WPS', form.includes('Word 97–2003/WPS文件'), form);
  const cell = await page.textContent('table.grid-requests td[data-cell="1/natural"]');
  check('report_a.doc: a grid cell (新收申请·自然人) is the .docx\'s', cell.startsWith(fromDocx.requests['1/natural'][0]) && fromDocx.requests['1/natural'][0] !== '', `${cell} vs ${fromDocx.requests['1/natural']}`);
  for (const t of ['requests', 'appeals']) {
    const got = await gridCells(page, t);
    const want = fromDocx[t];
    const bad = Object.keys({ ...want, ...got }).filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
    check(`report_a.doc: every ${t} cell (value and how it was read) is the .docx's (${Object.keys(got).length} cells)`, bad.length === 0 && Object.keys(got).length > 10, bad.slice(0, 5).join('; '));
  }
  check('report_a.doc: the text box holds the same text as the .docx', (await page.inputValue('#report')) === textDocx);
  await page.locator('[data-meta="form"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'doc.png') });
  await page.locator('[data-part="3"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'doc-grid.png') });

  await page.setInputFiles('#file', fx('report_a.wps'));
  await waitForRead(page, 'report_a.wps');
  check('report_a.wps: read, verdict pass, named as Word 97–2003/WPS', (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'pass' && (await page.textContent('[data-meta="form"]')).includes('WPS'));

  const before = await page.inputValue('#report');
  await page.setInputFiles('#file', fx('sheet_as.doc'));
  await page.waitForSelector('.notice.error');
  const msg = await page.textContent('.notice.error');
  check('a workbook under a .doc name: the message says it is an Excel table', msg.includes('这是Excel表格') && msg.includes('Word、PDF或网页'), msg);
  check('and the text already there is kept', (await page.inputValue('#report')) === before);

  await setLang(page, true);
  await page.setInputFiles('#file', fx('report_b.doc'));
  await waitForRead(page, 'report_b.doc');
  const b = cliJson(fx('report_b.doc'));
  check('report_b.doc (English): the verdict is the CLI\'s (fail)', (await page.getAttribute('[data-verdict]', 'data-verdict')) === b.verdict && b.verdict === 'fail');
  check('report_b.doc (English): the reader is named Word 97–2003/WPS file', (await page.textContent('[data-meta="form"]')).includes('Word 97–2003/WPS file'));
  await page.screenshot({ path: path.join(artifacts, 'doc-en.png') });
  await page.setInputFiles('#file', fx('sheet_as.doc'));
  await page.waitForFunction(() => document.querySelector('.notice.error')?.textContent.includes('Excel workbook'), null, { timeout: 30000 });
  check('a workbook under a .doc name (English): the message names an Excel workbook', true);
});

// ---- a batch: .docx + .doc + .wps + a workbook ----
await step('a batch of old and new Word files', async () => {
  const { page } = desk;
  await setLang(page, false);
  await page.setInputFiles('#file', batch.map(([n]) => path.join(dir, n)));
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 180000 });
  const rows = await page.$$eval('#rollup tbody tr', (trs) =>
    trs.map((tr) => ({ file: tr.querySelector('th.file').textContent.replace(/ ↔.*$/, '').trim(), verdict: tr.dataset.verdict, reason: tr.querySelector('td.reason')?.textContent ?? '' })),
  );
  const by = Object.fromEntries(rows.map((r) => [r.file, r]));
  check('roll-up: a row for each of the five files', rows.length === 5 && batch.every(([n]) => by[n]), JSON.stringify(rows));
  const want = Object.fromEntries(batch.map(([n, from]) => [n, from === 'sheet_as.doc' ? 'unreadable' : cliJson(fx(from)).verdict]));
  check('roll-up: each verdict is the CLI\'s (.docx, .doc and .wps pass; report_b.doc fails)', batch.every(([n]) => by[n]?.verdict === want[n]) && want['丰泽区-改错.doc'] === 'fail', JSON.stringify({ rows, want }));
  check('roll-up: the workbook\'s row says it is an Excel table', by['汇总表.doc']?.reason.includes('Excel表格'), by['汇总表.doc']?.reason);
  await page.screenshot({ path: path.join(artifacts, 'doc-batch.png'), fullPage: true });
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#dl-summary')]);
  const csv = csvRows(fs.readFileSync(await dl.path(), 'utf8'));
  const [verdict, note] = [csv[0].indexOf('结论'), csv[0].indexOf('说明')];
  const row = (f) => csv.find((r) => r[0] === f);
  check('roll-up CSV: a row per file; the .doc and .wps rows have the .docx row\'s verdict, report_b.doc another', csv.length === 6 && row('丰泽区-2022-旧版.doc')?.[verdict] === row('丰泽区-2022.docx')?.[verdict] && row('丰泽区-2022.wps')?.[verdict] === row('丰泽区-2022.docx')?.[verdict] && row('丰泽区-改错.doc')?.[verdict] !== row('丰泽区-2022.docx')?.[verdict], JSON.stringify(csv.map((r) => [r[0], r[verdict]])));
  check('roll-up CSV: the workbook\'s 说明 says it is an Excel table', row('汇总表.doc')?.[note]?.includes('Excel表格'), JSON.stringify(row('汇总表.doc')));
  await setLang(page, true);
  const reason = await page.textContent('#rollup tr:has(th.file:has-text("汇总表.doc")) td.reason');
  check('roll-up (English): the workbook\'s reason in English', reason.includes('Excel workbook'), reason);
});
check('desktop: no page errors', desk.errors.length === 0, desk.errors.join('; '));
check('desktop: nothing sent to another origin', desk.foreign.length === 0, desk.foreign.join(' '));

// ---- at 390 px: the .doc on a phone ----
const phone = await open(390);
await step('a .doc on a phone', async () => {
  const { page } = phone;
  await setLang(page, false);
  await page.setInputFiles('#file', fx('report_a.doc'));
  await waitForRead(page, 'report_a.doc');
  check('390 px: report_a.doc passes, named as Word 97–2003/WPS', (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'pass' && (await page.textContent('[data-meta="form"]')).includes('Word 97–2003'));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  check('390 px: the page does not scroll sideways', wide);
  await page.screenshot({ path: path.join(artifacts, 'doc-390.png') });
});
check('390 px: no page errors', phone.errors.length === 0, phone.errors.join('; '));

await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
