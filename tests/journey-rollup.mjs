// The supervisor's journey (issue 18, items 3, 4 and 7): a batch of the seeds, the fixtures in
// every form and a scan → the roll-up says why each report fails (主要问题, on screen and in the
// CSV, as the command line's), the 问题清单 per unit downloaded as a zip and unpacked (one CSV per
// unit, the scan's row saying what to send instead, places in each unit's own file), and every
// download in the page's language (Chinese, then English), the single report's CSV too. At
// desktop width and at 390 px.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-rollup.mjs   (expects dist/ built)
//
// Screenshots: artifacts/rollup-reasons.png, artifacts/rollup-reasons-phone.png,
// artifacts/issues-zip.png (one unit's CSV from the zip, rendered as a table).

import { serve } from './serve-dist.mjs';
import { root, dist, seedsDir, fixtures, artifacts, cli, check, step, finish, cliRun, csvRows, launchBrowser } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';


/** A .zip's entries (name → Buffer), from its local headers: stored or deflated. */
function unzip(buf) {
  const out = new Map();
  let at = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    const flags = buf.readUInt16LE(at + 6);
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    const start = at + 30 + nameLen + extraLen;
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at = start + size;
  }
  return out;
}

// ---- the batch: the seeds, the fixtures in every form, a scan ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-rollup-'));
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

// What the command line says about the same files (its roll-up and its per-unit lists).
const cliDir = path.join(tmp, 'cli-units');
cliRun(['check', '--format', 'json', '--summary', path.join(tmp, 'summary.csv'), '--issues-dir', cliDir, batchDir]);
const cliSummary = csvRows(fs.readFileSync(path.join(tmp, 'summary.csv'), 'utf8'));
const cliProblems = Object.fromEntries(cliSummary.slice(1).map((r) => [path.basename(r[0]), r[cliSummary[0].indexOf('主要问题')]]));
const cliUnits = fs.readdirSync(cliDir).sort();

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
/** The roll-up as shown: file → { verdict, problems }. */
async function shownRows(page) {
  return page.$$eval('#rollup tbody tr', (trs) =>
    trs.map((tr) => ({
      file: tr.querySelector('th.file').textContent.replace(/ ↔.*$/, '').trim(),
      index: tr.dataset.index,
      verdict: tr.dataset.verdict,
      problems: tr.querySelector('[data-col=problems]')?.textContent ?? null,
      reason: tr.querySelector('td.reason')?.textContent ?? null,
    })),
  );
}
async function settled(page) {
  await page.waitForFunction(() => document.querySelector('.result-pane[aria-busy=false] [data-verdict]'), null, { timeout: 60000 });
}
async function setLang(page, en) {
  const now = await page.evaluate(() => document.querySelector('#lang').textContent.trim());
  if ((now === '中文') !== en) await page.click('#lang');
  await page.waitForFunction((e) => document.querySelector('#lang').textContent.trim() === (e ? '中文' : 'English'), en);
}

// ---- desktop, Chinese ----
const desk = await open(1366, 900);
const page = desk.page;
let zhZip = null;
await step('desktop zh: roll-up with 主要问题', async () => {
  await runBatch(page);
  const heads = await page.$$eval('#rollup thead th', (ths) => ths.map((t) => t.textContent.replace(/[▲▼]/g, '').trim()));
  check('zh: the roll-up has a 主要问题 column', heads.includes('主要问题'), heads.join('|'));
  const rows = await shownRows(page);
  check(`zh: ${n} rows`, rows.length === n, String(rows.length));
  const b = rows.find((r) => r.file === 'report_b.docx');
  check('zh: report_b.docx says why it fails, in a few words', b && b.verdict === 'fail' && b.problems === '总计=各类申请人之和；第一项+第二项=第三项+第四项', JSON.stringify(b));
  const wrong = rows.filter((r) => r.verdict !== 'unreadable' && (r.problems === '—' ? '' : r.problems) !== cliProblems[r.file]);
  check('zh: every row\'s 主要问题 as the command line\'s roll-up', wrong.length === 0, JSON.stringify(wrong.slice(0, 3)) + ' vs ' + JSON.stringify(cliProblems));
  const failing = rows.filter((r) => r.verdict === 'fail');
  check('zh: every failing report names a problem', failing.length >= 3 && failing.every((r) => r.problems && r.problems !== '—'), JSON.stringify(failing));
  const scan = rows.find((r) => r.file === 'scanned.pdf');
  check('zh: the scan is listed with its reason', scan && scan.verdict === 'unreadable' && scan.reason.includes('扫描件'), JSON.stringify(scan));
  await page.screenshot({ path: path.join(artifacts, 'rollup-reasons.png'), fullPage: true });

  // The roll-up CSV: every column shown, 主要问题 as on screen.
  const sum = await download(page, '#dl-summary');
  const s = csvRows(sum.bytes.toString('utf8'));
  const col = (name) => s[0].indexOf(name);
  check('zh: roll-up CSV has 复议纠错率, 诉讼纠错率 and 主要问题', col('复议纠错率') > 0 && col('诉讼纠错率') > 0 && col('主要问题') > 0, s[0].join(','));
  const csvB = s.find((r) => path.basename(r[0]) === 'report_b.docx');
  check('zh: roll-up CSV row as the screen (主要问题, 纠错率)', csvB && csvB[col('主要问题')] === b.problems && csvB[col('复议纠错率')] === '33.3%' && csvB[col('诉讼纠错率')] === '0.0%', JSON.stringify(csvB));
  const onScreen = await page.$eval(`#rollup tr[data-index="${b.index}"] [data-rate=review_corrected]`, (td) => td.textContent);
  check('zh: 复议纠错率 in the CSV is the one on screen', onScreen === csvB[col('复议纠错率')], onScreen);

  // The 问题清单 per unit.
  const z = await download(page, '#dl-issues-zip');
  zhZip = unzip(z.bytes);
  const names = [...zhZip.keys()].sort();
  check('zh: zip named in Chinese', z.name.endsWith('.zip') && z.name.includes('问题清单'), z.name);
  check('zh: one CSV per unit, named as the command line\'s --issues-dir', names.join('|') === cliUnits.join('|'), names.join('|') + ' vs ' + cliUnits.join('|'));
  const scanCsv = csvRows(zhZip.get('scanned_问题清单.csv')?.toString('utf8') ?? '');
  check('zh: the scan has its row, saying what to send instead', scanCsv.length === 2 && scanCsv[1][2] === 'scanned.pdf' && scanCsv[1][9].includes('带文字层的PDF'), JSON.stringify(scanCsv));
  const quanzhou = [...zhZip.entries()].filter(([k]) => k.startsWith('泉州市丰泽区卫生健康局_2022')).map(([, v]) => csvRows(v.toString('utf8')));
  const word = quanzhou.find((rows) => rows.some((r) => r[2] === 'report_b.docx'));
  const pdf = quanzhou.find((rows) => rows.some((r) => r[2] === 'report_b.pdf'));
  check('zh: a Word finding names its table, row and column', word && word.some((r) => r[7] === '第2个表格第4行第8列：“一、本年新收政府信息公开申请数量 … 82”'), JSON.stringify(word?.map((r) => r[7])));
  check('zh: a Word finding names its paragraph', word && word.some((r) => r[7].startsWith('第6段：“（二）依申请公开')), '');
  check('zh: a PDF finding names its page', pdf && pdf.some((r) => /^第[12]页：“/.test(r[7])), JSON.stringify(pdf?.map((r) => r[7])));
  const order = word ? word.slice(1).map((r) => r[3]) : [];
  check('zh: a unit\'s findings go by part', order.every((p, i) => i === 0 || order[i - 1] <= p || order[i - 1] === '全文'), order.join('|'));

  // One unit's CSV as the unit would open it: a table.
  const body = word.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${c}</th>` : `<td>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`)).join('')}</tr>`).join('');
  const view = await desk.context.newPage();
  await view.setContent(`<!doctype html><meta charset="utf-8"><style>body{font:13px system-ui,'Noto Sans CJK SC',sans-serif;margin:12px}table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;max-width:28em}th{background:#eee}</style><h3>${z.name} → 泉州市丰泽区卫生健康局_2022_问题清单 (report_b.docx)</h3><p>${names.map((x) => x.replace(/&/g, '&amp;')).join('<br>')}</p><table>${body}</table>`);
  await view.screenshot({ path: path.join(artifacts, 'issues-zip.png'), fullPage: true });
  await view.close();

  // The combined list: the scan too.
  const all = csvRows((await download(page, '#dl-issues')).bytes.toString('utf8'));
  check('zh: the combined 问题清单 keeps the scan (last, no agency)', all[all.length - 1][2] === 'scanned.pdf', JSON.stringify(all[all.length - 1]));
});

await step('desktop zh: the single report\'s CSV in Chinese', async () => {
  const rows = await shownRows(page);
  const b = rows.find((r) => r.file === 'report_b.docx');
  await page.click(`#rollup tr[data-index="${b.index}"] button.open`);
  await page.waitForSelector('#back');
  await settled(page);
  const csv = csvRows((await download(page, '#dl-csv')).bytes.toString('utf8'));
  check('zh: the single CSV has Chinese headers', csv[0].slice(0, 5).join(',') === '文件,单位,年度,规则,严重程度', csv[0].join(','));
  const row = csv.find((r) => r[3].includes('requests-row-total'));
  check('zh: rule titles and cell names, not keys', row && row[3] === '总计=各类申请人之和（requests-row-total）' && row[4] === '错误' && row[8] === '第三部分表格' && row[9].includes('·总计') && !row[9].includes('1/total'), JSON.stringify(row));
});

await step('desktop en: every download in English', async () => {
  await setLang(page, true);
  const csv = csvRows((await download(page, '#dl-csv')).bytes.toString('utf8'));
  check('en: the single CSV has English headers', csv[0].slice(0, 5).join(',') === 'file,agency,year,rule,severity', csv[0].join(','));
  const row = csv.find((r) => r[3] === 'requests-row-total');
  check('en: its message is English', row && /total 82 ≠ sum of the applicant columns/.test(row[12]), JSON.stringify(row));
  const html = (await download(page, '#dl-html')).bytes.toString('utf8');
  check('en: the printable report is English', html.includes('<html lang="en"') && html.includes('Needs 2 fixes'), html.slice(0, 200));
  await page.click('#back');
  await page.waitForSelector('#rollup');
  const heads = await page.$$eval('#rollup thead th', (ths) => ths.map((t) => t.textContent.replace(/[▲▼]/g, '').trim()));
  check('en: the roll-up column is "Main problems"', heads.includes('Main problems'), heads.join('|'));
  const b = (await shownRows(page)).find((r) => r.file === 'report_b.docx');
  check('en: report_b.docx\'s problems in English', b.problems === 'Total = sum of applicants; Item 1 + item 2 = item 3 + item 4' || (/^Total = sum of applicants; /.test(b.problems) && !/[\u4e00-\u9fff]/.test(b.problems)), b.problems);
  const s = csvRows((await download(page, '#dl-summary')).bytes.toString('utf8'));
  check('en: roll-up CSV in English', s[0][0] === 'File' && s[0].includes('Main problems') && s[0].includes('Review correction rate'), s[0].join(','));
  const sb = s.find((r) => path.basename(r[0]) === 'report_b.docx');
  check('en: roll-up CSV row as the screen', sb && sb[s[0].indexOf('Main problems')] === b.problems && sb[s[0].indexOf('Verdict')] === 'Needs fixes', JSON.stringify(sb));
  const z = await download(page, '#dl-issues-zip');
  const files = unzip(z.bytes);
  const names = [...files.keys()];
  check('en: the zip\'s files are named in English', names.length === zhZip.size && names.every((k) => /_issues(_\d+)?\.csv$/.test(k)), names.join('|'));
  const scan = csvRows(files.get('scanned_issues.csv')?.toString('utf8') ?? '');
  check('en: the per-unit CSV has English headers and the scan\'s advice in English', scan[0]?.[0] === 'Agency' && scan[1]?.[9].startsWith('send a PDF with a text layer'), JSON.stringify(scan));
  const word = [...files.values()].map((v) => csvRows(v.toString('utf8'))).find((rows) => rows.some((r) => r[2] === 'report_b.docx'));
  check('en: places in English', word && word.some((r) => r[7].startsWith('table 2, row 4, column 8: “')) && word.some((r) => r[7].startsWith('paragraph 6: “')), JSON.stringify(word?.map((r) => r[7])));
  const all = csvRows((await download(page, '#dl-issues')).bytes.toString('utf8'));
  check('en: the combined list in English', all[0][0] === 'Agency' && all.slice(1).every((r) => !/^[一二三四五六]、/.test(r[3])), all[0].join(','));
  await setLang(page, false);
});
await desk.context.close();

// ---- phone, 390 px ----
await step('phone: the roll-up says why, the zip downloads', async () => {
  const phone = await open(390, 844);
  await runBatch(phone.page);
  const b = (await shownRows(phone.page)).find((r) => r.file === 'report_b.docx');
  check('phone: 主要问题 shown at 390 px', b && b.problems === '总计=各类申请人之和；第一项+第二项=第三项+第四项', JSON.stringify(b));
  await phone.page.$eval(`#rollup tr[data-index="${b.index}"] [data-col=problems]`, (td) => td.scrollIntoView({ block: 'center', inline: 'center' }));
  const box = await phone.page.$eval(`#rollup tr[data-index="${b.index}"] [data-col=problems]`, (td) => { const r = td.getBoundingClientRect(); return { w: r.width, h: r.height }; });
  check('phone: the 主要问题 cell wraps (not one long line)', box.w <= 390 && box.h > 20, JSON.stringify(box));
  await phone.page.screenshot({ path: path.join(artifacts, 'rollup-reasons-phone.png') });
  const z = await download(phone.page, '#dl-issues-zip');
  check('phone: the per-unit zip downloads', unzip(z.bytes).size === zhZip.size, String(unzip(z.bytes).size));
  await phone.context.close();
});

check('no page errors', pageErrors.length === 0, pageErrors.join(' | '));
await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
