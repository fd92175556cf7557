// Pointing at the wrong cell, and the dataset of every cell (issue 19, items 4 and 7): a real
// seed with one total changed → the finding says which cell and what value, the cell is marked
// on the grid ("建议改为 7"), the JSON download carries `fix`; the same seed with part 四's total
// changed → several one-cell changes listed and marked, none picked; then a batch → the 数据集
// download equals the command line's `--cells` for the same files, and a report's row equals its
// grid. Chinese and English, at desktop width and at 390 px.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-fix.mjs   (expects dist/ built)
//
// Screenshots: artifacts/fix.png (the marked cell and the finding), artifacts/fix-options.png
// (the ambiguous case), artifacts/fix-en.png, artifacts/fix-phone.png.

import { serve } from './serve-dist.mjs';
import { dist, seedsDir, fixtures, artifacts, cli, check, step, finish, csvRows, launchBrowser, watchForeign } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const seedName = fs.readdirSync(seedsDir).find((f) => f.startsWith('004'));
const seed = fs.readFileSync(path.join(seedsDir, seedName), 'utf8');
// Row 1 (本年新收) total 7 → 9: its row and the total column's balance fail; only that cell explains both.
const oneTotal = seed.replace('一、本年新收政府信息公开申请数量\t\t7\t0\t0\t0\t0\t0\t7\t', '一、本年新收政府信息公开申请数量\t\t7\t0\t0\t0\t0\t0\t9\t');
// Part 四's 行政复议 total 1 → 0: the total, or 结果维持 1 → 0, would each do.
const reviewTotal = seed.replace('\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', '\n1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0');

const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
const pageErrors = [];

async function open(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const foreign = watchForeign(context, origin);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(origin + '/');
  await page.waitForSelector('#report');
  return { context, page, foreign };
}
async function settled(page) {
  await page.waitForFunction(() => document.querySelector('.result-pane[aria-busy=false] [data-verdict]'), null, { timeout: 60000 });
}
async function paste(page, text) {
  await page.fill('#report', text);
  await settled(page);
}
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}
async function setLang(page, en) {
  const now = await page.evaluate(() => document.querySelector('#lang').textContent.trim());
  if ((now === '中文') !== en) await page.click('#lang');
  await page.waitForFunction((e) => document.querySelector('#lang').textContent.trim() === (e ? '中文' : 'English'), en);
}
// A finding is listed in its part's checklist and in the list of every finding: its distinct texts.
const msgs = (page, rule) => page.$$eval(`li.finding[data-rule="${rule}"] .msg`, (els) => [...new Set(els.map((e) => e.textContent))]);
const marked = (page, cls) =>
  page.$$eval(`table.grid td.${cls}`, (tds) => tds.map((td) => ({ cell: td.dataset.cell, title: td.title, text: td.textContent.trim() })));

check('the test changed the seed twice', oneTotal !== seed && reviewTotal !== seed);

const desk = await open(1366, 900);
await step('desktop zh: one total changed → the cell and its value', async () => {
  const page = desk.page;
  await paste(page, oneTotal);
  const row = await msgs(page, 'requests-row-total');
  const want = '第一项（本年新收）·总计应为7（自然人7+商业企业0+科研机构0+社会公益组织0+法律服务机构0+其他0）：若改为7，本表所有勾稽关系成立';
  check('zh: the row total\'s finding names the cell and the value', row.length === 1 && row[0].includes(want), JSON.stringify(row));
  const bal = await msgs(page, 'requests-balance');
  check('zh: the balance\'s finding carries the same suggestion', bal.length === 1 && bal[0].includes(want), JSON.stringify(bal));
  const fix = await marked(page, 'fix');
  check('zh: exactly that cell is marked on the grid', fix.length === 1 && fix[0].cell === '1/total', JSON.stringify(fix));
  check('zh: its tooltip says 建议改为 7 and it shows →7', fix[0]?.title.startsWith('建议改为 7') && fix[0]?.text === '9→7', JSON.stringify(fix));
  check('zh: no other cell is offered', (await marked(page, 'fix-option')).length === 0);
  await page.locator('table.grid-requests td.fix').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'fix.png') });

  const json = JSON.parse((await download(page, '#dl-json')).bytes.toString('utf8'));
  const fixes = json.findings.filter((f) => f.fix).map((f) => [f.rule, f.fix.cell, f.fix.value]);
  check('zh: the JSON download\'s findings have fix {cell: "1/total", value: 7}', fixes.length === 2 && fixes.every(([, c, v]) => c === '1/total' && v === 7), JSON.stringify(fixes));

  const html = (await download(page, '#dl-html')).bytes.toString('utf8');
  check('zh: the printable report marks the cell and says the value', /class="cell[^"]* fix" title="建议改为 7">9<span class="fixto">→7<\/span>/.test(html) && html.includes(want), html.match(/<td[^>]*fix[^>]*>[^<]*/)?.[0] ?? 'no mark');
  const csv = csvRows((await download(page, '#dl-csv')).bytes.toString('utf8'));
  const rowCsv = csv.find((r) => r[3].includes('requests-row-total'));
  check('zh: the findings CSV carries the suggestion', rowCsv && rowCsv[12].includes('若改为7，本表所有勾稽关系成立'), JSON.stringify(rowCsv));
});

await step('desktop zh: several single-cell changes → listed, none picked', async () => {
  const page = desk.page;
  await paste(page, reviewTotal);
  const m = await msgs(page, 'appeals-total');
  check('zh: the finding says there are 2 and lists them', m.length === 1 && m[0].includes('有2种改一个单元格的办法都能使本表所有勾稽关系成立，无法确定错在哪一格，请按台账核对：行政复议·总计改为1；行政复议·结果维持改为0'), JSON.stringify(m));
  const opts = await marked(page, 'fix-option');
  check('zh: both cells are marked as options', opts.map((o) => o.cell).sort().join() === 'appeals/review.total,appeals/review.upheld', JSON.stringify(opts));
  check('zh: no cell is marked as the fix', (await marked(page, 'fix')).length === 0);
  check('zh: an option\'s tooltip says it is one of several', opts.every((o) => o.title.includes('有多种改法')), JSON.stringify(opts));
  const json = JSON.parse((await download(page, '#dl-json')).bytes.toString('utf8'));
  const f = json.findings.find((x) => x.rule === 'appeals-total');
  check('zh: the JSON has fix_options and no fix', f && !f.fix && JSON.stringify(f.fix_options) === '[{"cell":"appeals/review.total","value":1},{"cell":"appeals/review.upheld","value":0}]', JSON.stringify(f));
  await page.locator('table.grid-appeals').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'fix-options.png') });
});

await step('desktop en: the suggestion in English', async () => {
  const page = desk.page;
  await setLang(page, true);
  await paste(page, oneTotal);
  const row = await msgs(page, 'requests-row-total');
  check('en: the finding says the value', row.length === 1 && row[0].includes('row 1 · total should be 7') && row[0].includes('changed to 7, every identity of the table holds'), JSON.stringify(row));
  const fix = await marked(page, 'fix');
  check('en: the tooltip says Suggested: 7', fix.length === 1 && fix[0].title.startsWith('Suggested: 7'), JSON.stringify(fix));
  await page.locator('table.grid-requests td.fix').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'fix-en.png') });
  await setLang(page, false);
});

await step('phone 390 px zh: the marked cell on a phone', async () => {
  const phone = await open(390, 844);
  await paste(phone.page, oneTotal);
  const fix = await marked(phone.page, 'fix');
  check('phone: the cell is marked', fix.length === 1 && fix[0].cell === '1/total', JSON.stringify(fix));
  await phone.page.locator('table.grid-requests td.fix').scrollIntoViewIfNeeded();
  await phone.page.screenshot({ path: path.join(artifacts, 'fix-phone.png') });
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('phone: no sideways scrolling of the page', overflow <= 1, String(overflow));
  check('phone: nothing sent elsewhere', phone.foreign.length === 0, phone.foreign.join(' '));
  await phone.context.close();
});

// ---- the batch and its dataset ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-fix-'));
const batchDir = path.join(tmp, 'batch');
fs.mkdirSync(batchDir);
for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(seedsDir, f), path.join(batchDir, f));
for (const f of ['report_a.docx', 'report_b.pdf', 'report_b.html', 'scanned.pdf']) fs.copyFileSync(path.join(fixtures, f), path.join(batchDir, f));
fs.writeFileSync(path.join(batchDir, 'changed.txt'), oneTotal);
const names = fs.readdirSync(batchDir).sort();
// The command line over the same files, named as the page names them.
try {
  execFileSync(cli, ['check', '--format', 'json', '--cells', path.join(tmp, 'cells.csv'), ...names], { cwd: batchDir, stdio: 'ignore' });
} catch {
  // exit 1 or 2: reports with errors, the scan
}
const cliCells = fs.readFileSync(path.join(tmp, 'cells.csv'));

await step('desktop zh: the batch\'s dataset equals the command line\'s and the grid', async () => {
  const page = desk.page;
  await page.setInputFiles('#file', names.map((f) => path.join(batchDir, f)));
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 180000 });
  await page.waitForFunction((k) => document.querySelectorAll('#rollup tbody tr').length === k, names.length);
  const label = await page.textContent('#dl-cells');
  check('zh: the roll-up offers 下载数据集 CSV', label.trim() === '下载数据集 CSV', label);
  const d = await download(page, '#dl-cells');
  check('zh: named 数据集.csv', d.name === '数据集.csv', d.name);
  check('zh: UTF-8 with BOM', d.bytes[0] === 0xef && d.bytes[1] === 0xbb && d.bytes[2] === 0xbf);
  check('zh: the same bytes as nianbao check --cells', Buffer.compare(d.bytes, cliCells) === 0, `${d.bytes.length} vs ${cliCells.length}`);
  const rows = csvRows(d.bytes.toString('utf8'));
  const head = rows[0];
  check('zh: the header names the report and every cell', head.slice(0, 7).join() === 'file,agency,year,format,verdict,errors,warnings' && head.includes('t3.1.natural') && head.includes('t4.review.total') && head.includes('t2.licensing.decisions') && head.at(-3) === 'inferred', head.slice(0, 9).join());
  check(`zh: one row per file (${names.length})`, rows.length === names.length + 1, String(rows.length));
  const col = (r, name) => r[head.indexOf(name)];
  const scan = rows.find((r) => r[0] === 'scanned.pdf');
  check('zh: the scan\'s row says unreadable and why', scan && col(scan, 'verdict') === 'unreadable' && col(scan, 'reason').includes('扫描件'), JSON.stringify(scan?.slice(0, 5)));
  const changed = rows.find((r) => r[0] === 'changed.txt');
  check('zh: the changed seed\'s row has its number as written (9)', changed && col(changed, 't3.1.total') === '9' && col(changed, 'verdict') === 'fail', JSON.stringify(changed?.slice(0, 8)));

  // report_a.docx's row against its grid on the page.
  const a = rows.find((r) => r[0] === 'report_a.docx');
  const index = await page.$$eval('#rollup tbody tr', (trs) => trs.find((tr) => tr.querySelector('button.open')?.textContent.trim() === 'report_a.docx')?.dataset.index);
  await page.click(`#rollup tr[data-index="${index}"] button.open`);
  await page.waitForSelector('#back');
  await settled(page);
  const grid = await page.$$eval('table.grid td[data-cell]', (tds) => tds.map((td) => ({ table: td.closest('table').dataset.table, cell: td.dataset.cell, text: td.firstChild?.textContent?.trim() ?? '' })));
  let same = 0;
  const wrong = [];
  for (const g of grid) {
    const [row, c] = g.cell.split('/');
    const name = g.table === 'requests' ? `t3.${row}.${c}` : g.table === 'appeals' ? `t4.${c}` : `t2.${row}.${c}`;
    const v = col(a, name);
    if (v === undefined) wrong.push(`${name}: no column`);
    else if (Number(v) === Number(g.text.replace(/,/g, '')) && v !== '') same++;
    else wrong.push(`${name}: ${v} vs ${g.text}`);
  }
  check(`zh: every number of report_a's grid is its dataset row's (${same})`, wrong.length === 0 && same >= 190, wrong.slice(0, 5).join('; '));
  await page.click('#back');
  await page.waitForSelector('#rollup');
});

await step('desktop en: the dataset download in English', async () => {
  const page = desk.page;
  await setLang(page, true);
  const label = await page.textContent('#dl-cells');
  check('en: the roll-up offers Download dataset CSV', label.trim() === 'Download dataset CSV', label);
  const d = await download(page, '#dl-cells');
  check('en: named cells.csv, the same columns and rows', d.name === 'cells.csv' && Buffer.compare(d.bytes, cliCells) === 0, d.name);
});

check('no page errors', pageErrors.length === 0, pageErrors.join(' | '));
check('nothing sent elsewhere', desk.foreign.length === 0, desk.foreign.join(' '));
await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
