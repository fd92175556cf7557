// The supervisor's glance (issue 19, item 6): a batch of the seeds and fixtures (several agencies;
// 泉州市丰泽区卫生健康局 with 2020 and 2022) → the charts above the roll-up say what the table
// says (a bar per verdict with its count, a dot per unit with its rate against the red and yellow
// lines, the agency's trend); a click on the 需修改 bar filters the rows, a click on a dot filters to
// that unit, Enter on a focused bar does the same, and the chip clears it; the printable batch
// report downloads, opens in Chromium with the same charts and counts, and its verdict chart is
// the command line's (`--report`) to the byte. Chinese and English, desktop and 390 px.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-charts.mjs   (expects dist/ built)
//
// Screenshots: artifacts/charts.png, artifacts/charts-390.png, artifacts/batch-report.png.

import { serve } from './serve-dist.mjs';
import { dist, seedsDir, fixtures, artifacts, check, step, finish, cliRun, csvRows, launchBrowser } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-charts-'));
const batchDir = path.join(tmp, 'batch');
fs.mkdirSync(batchDir);
for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
  fs.copyFileSync(path.join(seedsDir, f), path.join(batchDir, `seed-${f}`));
}
for (const f of ['report_a.docx', 'report_b.docx', 'report_b.html', 'scanned.pdf']) {
  fs.copyFileSync(path.join(fixtures, f), path.join(batchDir, f));
}
const batchFiles = fs.readdirSync(batchDir).sort().map((f) => path.join(batchDir, f));
const n = batchFiles.length;

// The command line's batch report of the same files.
const cliReport = path.join(tmp, 'cli-report.html');
cliRun(['check', '--format', 'json', '--summary', path.join(tmp, 'summary.csv'), '--report', cliReport, batchDir]);
const cliHtml = fs.readFileSync(cliReport, 'utf8');
const cliSummary = csvRows(fs.readFileSync(path.join(tmp, 'summary.csv'), 'utf8'));

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
async function runBatch(page) {
  await page.setInputFiles('#file', batchFiles);
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 180000 });
  await page.waitForFunction((k) => document.querySelectorAll('#rollup tbody tr').length === k, n);
  await page.waitForSelector('#chart-verdicts svg');
}
async function setLang(page, en) {
  const now = await page.evaluate(() => document.querySelector('#lang').textContent.trim());
  if ((now === '中文') !== en) await page.click('#lang');
  await page.waitForFunction((e) => document.querySelector('#lang').textContent.trim() === (e ? '中文' : 'English'), en);
}
/** The roll-up's rows as shown: index, verdict, and the three rates' text. */
function rows(page) {
  return page.$$eval('#rollup tbody tr', (trs) =>
    trs.map((tr) => ({
      index: tr.dataset.index,
      verdict: tr.dataset.verdict,
      file: tr.querySelector('th.file').textContent.replace(/ ↔.*$/, '').trim(),
      rates: Object.fromEntries([...tr.querySelectorAll('td[data-rate]')].map((td) => [td.dataset.rate, td.textContent.trim()])),
    })),
  );
}
/** The verdict bars: verdict → count, and their aria-labels. */
function bars(page) {
  return page.$$eval('#chart-verdicts g.bar', (gs) => gs.map((g) => ({ verdict: g.dataset.verdict, count: Number(g.dataset.count), label: g.getAttribute('aria-label') })));
}
/** A rate chart's dots: unit index → value, as the table writes it (one decimal, %). */
function dots(page, key) {
  return page.$$eval(`#chart-rate-${key} circle.pt`, (cs) =>
    cs.map((c) => {
      const v = (Number(c.dataset.value) * 100).toFixed(1).replace(/\.0$/, '');
      return { unit: c.dataset.filter.replace('unit:', ''), value: v };
    }),
  );
}
const RATES = ['substantive_disclosure', 'review_corrected', 'suit_corrected'];
const count = (rs, v) => rs.filter((r) => r.verdict === v).length;

async function chartsAgree(page, tag) {
  const rs = await rows(page);
  const bs = await bars(page);
  const wrong = bs.filter((b) => b.count !== count(rs, b.verdict));
  check(`${tag}: each verdict bar's count is the roll-up's`, bs.length === 5 && wrong.length === 0, JSON.stringify(bs) + ' rows ' + JSON.stringify(rs.map((r) => r.verdict)));
  for (const key of RATES) {
    const ds = await dots(page, key);
    const expected = rs
      .filter((r) => r.rates[key] && r.rates[key] !== '—')
      .map((r) => ({ unit: r.index, value: r.rates[key].replace(/^≈/, '').replace('%', '').replace(/\.0$/, '') }));
    const key2 = (l) => l.map((d) => `${d.unit}=${d.value}`).sort().join(' ');
    check(`${tag}: ${key}: a dot per unit with the rate, at the table's value`, key2(ds) === key2(expected), key2(ds) + ' vs ' + key2(expected));
  }
  return rs;
}

// ---- desktop, Chinese ----
const desk = await open(1366, 900);
const page = desk.page;
await step('desktop zh: the charts say what the roll-up says', async () => {
  await runBatch(page);
  const rs = await chartsAgree(page, 'zh');
  check('zh: several verdicts in the batch', new Set(rs.map((r) => r.verdict)).size >= 3, JSON.stringify(rs.map((r) => r.verdict)));
  const fail = (await bars(page)).find((b) => b.verdict === 'fail');
  check('zh: the 需修改 bar is labelled with its number', fail.label === `需修改: ${fail.count}` && fail.count >= 2, JSON.stringify(fail));
  const lines = await page.$$eval('#chart-rate-substantive_disclosure g.threshold', (gs) => gs.map((g) => `${g.dataset.line} ${g.textContent}`));
  check('zh: 实质公开率 has its red and yellow lines, labelled', lines.join('|') === 'red 红线 40%|yellow 黄线 45%', lines.join('|'));
  const corr = await page.$$eval('#chart-rate-review_corrected g.threshold text', (ts) => ts.map((t) => t.textContent));
  check('zh: 复议纠错率 has its lines (15%, 10%)', corr.join('|') === '红线 15%|黄线 10%', corr.join('|'));
  const trend = await page.$$eval('figure.trend', (fs) => fs.map((f) => ({ agency: f.dataset.agency, years: [...f.querySelectorAll('g.err text')].map((t) => t.textContent).filter((t) => /^\d{4}$/.test(t)) })));
  const qz = trend.find((t) => t.agency === '泉州市丰泽区卫生健康局');
  check('zh: the agency with 2020 and 2022 has a trend', qz && qz.years.includes('2020') && qz.years.includes('2022'), JSON.stringify(trend));
  await page.locator('section.rollup').screenshot({ path: path.join(artifacts, 'charts.png') });

  // A click on the 需修改 bar: only the failing rows, a chip that says so.
  await page.click('#chart-verdicts g.bar[data-verdict=fail]');
  await page.waitForSelector('#chart-filter-chip');
  let shown = await rows(page);
  check('zh: a click on 需修改 shows only its rows', shown.length === fail.count && shown.every((r) => r.verdict === 'fail'), JSON.stringify(shown.map((r) => r.verdict)));
  const chip = (await page.textContent('#chart-filter-chip')).trim();
  check('zh: the chip says 筛选：需修改 ✕', chip === '筛选：需修改 ✕', chip);
  await page.click('#chart-filter-chip');
  await page.waitForFunction((k) => document.querySelectorAll('#rollup tbody tr').length === k, n);
  check('zh: the chip clears the filter', !(await page.$('#chart-filter-chip')), '');

  // A click on a dot: that unit alone.
  const dot = (await dots(page, 'substantive_disclosure'))[0];
  await page.click(`#chart-rate-substantive_disclosure circle[data-filter="unit:${dot.unit}"]`);
  await page.waitForFunction(() => document.querySelectorAll('#rollup tbody tr').length === 1);
  shown = await rows(page);
  const dotChip = (await page.textContent('#chart-filter-chip')).trim();
  check('zh: a click on a dot shows that unit only, its rate as the dot\'s', shown[0].index === dot.unit && shown[0].rates.substantive_disclosure.replace(/^≈/, '').replace('%', '').replace(/\.0$/, '') === dot.value, JSON.stringify(shown) + ' ' + JSON.stringify(dot));
  check('zh: the chip names the unit\'s file', dotChip === `筛选：${shown[0].file} ✕`, dotChip);
  await page.click('#chart-filter-chip');
  await page.waitForFunction((k) => document.querySelectorAll('#rollup tbody tr').length === k, n);

  // With the keyboard: the bars are in the tab order; Enter filters; Enter on the chip clears.
  const focusable = await page.$$eval('#chart-verdicts g.bar', (gs) => gs.every((g) => g.getAttribute('tabindex') === '0' && g.getAttribute('role') === 'button'));
  check('zh: the bars are focusable buttons', focusable, '');
  await page.focus('#chart-verdicts g.bar[data-verdict=pass]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#chart-filter-chip');
  shown = await rows(page);
  check('zh: Enter on the 可发布 bar filters to its rows', shown.length === count(rs, 'pass') && shown.every((r) => r.verdict === 'pass'), JSON.stringify(shown.map((r) => r.verdict)));
  await page.focus('#chart-filter-chip');
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => document.querySelectorAll('#rollup tbody tr').length === k, n);
  check('zh: Enter on the chip clears it', (await rows(page)).length === n, '');
});

await step('desktop zh: the printable batch report', async () => {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#dl-report')]);
  const file = path.join(tmp, 'page-report.html');
  fs.copyFileSync(await dl.path(), file);
  const html = fs.readFileSync(file, 'utf8');
  check('report: named in Chinese, HTML', dl.suggestedFilename() === '批量检查报告.html' && html.startsWith('<!DOCTYPE html>'), dl.suggestedFilename());
  const onPage = await page.$eval('#chart-verdicts', (f) => f.outerHTML);
  const verdictFig = (h) => h.slice(h.indexOf('<figure class="chart-box" id="chart-verdicts"'), h.indexOf('</figure>', h.indexOf('id="chart-verdicts"')) + 9);
  // Both as the browser parses them (the page's DOM writes <rect …></rect> for <rect …/>).
  const parsed = await page.evaluate((h) => { const d = document.createElement('div'); d.innerHTML = h; return d.firstElementChild.outerHTML; }, verdictFig(html));
  check('report: its verdict chart is the page\'s', parsed === onPage, parsed.slice(0, 300) + ' vs ' + onPage.slice(0, 300));
  check('report: its verdict chart is the command line\'s, to the byte', verdictFig(html) === verdictFig(cliHtml), verdictFig(cliHtml).slice(0, 200));
  const rp = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await rp.goto('file://' + file);
  const counts = await rp.$$eval('table.verdict-counts tbody tr', (trs) => trs.map((tr) => [tr.dataset.verdict, Number(tr.querySelector('td.n').textContent)]));
  const rs = await rows(page);
  check('report: counts per verdict are the roll-up\'s', counts.length === 5 && counts.every(([v, c]) => c === count(rs, v)), JSON.stringify(counts));
  const rollup = await rp.$$eval('table.rollup tbody tr', (trs) => trs.map((tr) => tr.dataset.verdict));
  check('report: its roll-up has every row, failing first, as the command line\'s summary', rollup.length === n && rollup.length === cliSummary.length - 1, `${rollup.length} rows, cli ${cliSummary.length - 1}`);
  const svgs = await rp.$$eval('svg.chart', (s) => s.length);
  const pageSvgs = await page.$$eval('.batch-charts svg.chart', (s) => s.length);
  check('report: the same charts as the page', svgs === pageSvgs && svgs >= 5, `${svgs} vs ${pageSvgs}`);
  const rules = await rp.$$eval('table.rule-counts tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  check('report: the rules failing most come first', rules.length > 2 && rules.every((r, i) => i === 0 || Number(rules[i - 1][2]) >= Number(r[2])), JSON.stringify(rules.slice(0, 4)));
  const print = await rp.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.media && r.media.mediaText === 'print')));
  check('report: it has print CSS', print, '');
  await rp.screenshot({ path: path.join(artifacts, 'batch-report.png'), fullPage: true });
  await rp.close();
});

// ---- desktop, English ----
await step('desktop en: charts and report in English', async () => {
  await setLang(page, true);
  await page.waitForFunction(() => document.querySelector('#chart-verdicts figcaption')?.textContent === 'Reports by verdict');
  await chartsAgree(page, 'en');
  const fail = (await bars(page)).find((b) => b.verdict === 'fail');
  check('en: the bar is labelled in English', fail.label === `Needs fixes: ${fail.count}`, fail.label);
  const lines = await page.$$eval('#chart-rate-substantive_disclosure g.threshold text', (ts) => ts.map((t) => t.textContent));
  check('en: the lines are labelled in English', lines.join('|') === 'red 40%|yellow 45%', lines.join('|'));
  await page.click('#chart-verdicts g.bar[data-verdict=fail]');
  await page.waitForSelector('#chart-filter-chip');
  const chip = (await page.textContent('#chart-filter-chip')).trim();
  check('en: the chip says Filter: Needs fixes ✕', chip === 'Filter: Needs fixes ✕', chip);
  await page.click('#chart-filter-chip');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#dl-report')]);
  const html = fs.readFileSync(await dl.path(), 'utf8');
  check('en: the report is English', dl.suggestedFilename() === 'batch-report.html' && html.includes('<html lang="en">') && html.includes('Reports per rule'), dl.suggestedFilename());
});
await desk.context.close();

// ---- phone, 390 px ----
await step('phone: the charts stack and filter at 390 px', async () => {
  const phone = await open(390, 844);
  await runBatch(phone.page);
  await chartsAgree(phone.page, 'phone');
  const boxes = await phone.page.$$eval('.batch-charts figure', (fs) => fs.map((f) => { const r = f.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width }; }));
  check('phone: the charts stack (one per row, within the screen)', boxes.length >= 5 && boxes.every((b, i) => b.x >= 0 && b.x + b.w <= 390 && (i === 0 || b.y > boxes[i - 1].y)), JSON.stringify(boxes));
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  check('phone: the page does not scroll sideways', overflow <= 390, String(overflow));
  await phone.page.locator('.batch-charts').screenshot({ path: path.join(artifacts, 'charts-390.png') });
  await phone.page.click('#chart-verdicts g.bar[data-verdict=fail]');
  await phone.page.waitForSelector('#chart-filter-chip');
  const shown = await rows(phone.page);
  check('phone: a tap on 需修改 filters the rows', shown.length >= 2 && shown.every((r) => r.verdict === 'fail'), JSON.stringify(shown.map((r) => r.verdict)));
  await phone.context.close();
});

check('no page errors', pageErrors.length === 0, pageErrors.join(' | '));
await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
