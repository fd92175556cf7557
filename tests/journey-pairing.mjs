// The supervisor's and the clerk's journeys through pairing, last year's report and links
// (issue 18, items 5 and 6), as a user walks them, in Chinese and English, at desktop width and
// at 390 px:
// - a batch with one agency's two years, written two ways ("泉州市丰泽区卫生健康局" as a web page,
//   "丰泽区卫生健康局" as text), another agency's report and a scan: the roll-up says which report
//   was paired with which file and why the others were not; the roll-up CSV says the same;
// - last year's box holding a report whose part 三 table could not be read: the comparison says
//   last year's carry-over could not be read (not "not a number"), the rates say so too; a scan
//   in last year's box gets its message;
// - a pasted link (and a text file that is only a link): the message, no verdict, no cards.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-pairing.mjs   (expects dist/ built)
//
// Screenshots: artifacts/pairing-rollup.png, artifacts/link-pasted.png (and -390 / -en variants).

import { serve } from './serve-dist.mjs';
import { root, dist, seedsDir, fixtures, artifacts, cli, check, step, finish, csvRows, launchBrowser, watchForeign } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';



// ---- the files, made from the fixtures and seeds ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-journey-pairing-'));
const tabs = fs.readFileSync(path.join(fixtures, 'report_a_tabs.txt'), 'utf8');
// Last year's report of the same agency, written without the prefecture, as text; its row 4
// (carried forward) is this year's row 2.
const lastYear = tabs
  .replaceAll('2022', '2021')
  .replaceAll('2023', '2022')
  .replaceAll('泉州市丰泽区卫生健康局', '丰泽区卫生健康局')
  .replace('四、结转下年度继续办理\t5\t0\t0\t0\t0\t0\t5', '四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3');
// The same, with part 三's table gone (a Word file with the table as a picture gives this).
const lastYearNoTable = (() => {
  const lines = lastYear.split('\n');
  const a = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  const b = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  return [...lines.slice(0, a + 1), '（表格为图片）', ...lines.slice(b)].join('\n');
})();
const dir = path.join(tmp, 'batch');
fs.mkdirSync(dir);
fs.copyFileSync(path.join(fixtures, 'report_a.html'), path.join(dir, 'fengze-2022.html'));
fs.writeFileSync(path.join(dir, 'fengze-2021.txt'), lastYear);
const haicang = fs.readdirSync(seedsDir).find((f) => f.startsWith('003'));
fs.copyFileSync(path.join(seedsDir, haicang), path.join(dir, 'haicang-2020.txt'));
fs.copyFileSync(path.join(fixtures, 'scanned.pdf'), path.join(dir, 'scan.pdf'));
const url = 'https://www.fzqzf.gov.cn/zwgk/ndbg/202301/t20230116_2834567.htm';
fs.writeFileSync(path.join(tmp, 'link.txt'), `泉州市丰泽区卫生健康局2022年政府信息公开工作年度报告\n${url}\n`);
fs.copyFileSync(path.join(tmp, 'link.txt'), path.join(dir, 'link.txt'));
const batchFiles = ['fengze-2022.html', 'fengze-2021.txt', 'haicang-2020.txt', 'scan.pdf', 'link.txt'].map((f) => path.join(dir, f));

// What the command line says of the link file (the same message, unreadable).
let cliLink = { code: 0, err: '' };
try {
  execFileSync(cli, ['check', path.join(tmp, 'link.txt')], { encoding: 'utf8', stdio: 'pipe' });
} catch (e) {
  cliLink = { code: e.status, err: String(e.stderr) };
}

const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
const foreign = watchForeign(context, origin);
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
await page.goto(origin + '/');
await page.waitForSelector('#report');

async function settled(timeout = 60000) {
  await page.waitForFunction(
    () => document.querySelector('.result-pane[aria-busy=false]') && (document.querySelector('[data-verdict]') || document.querySelector('.empty')),
    null,
    { timeout },
  );
}
async function download(selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}
async function setLang(en) {
  const isEn = await page.evaluate(() => document.querySelector('main')?.getAttribute('lang') === 'en');
  if (isEn !== en) await page.click('#lang');
  await page.waitForFunction((en) => document.querySelector('main')?.getAttribute('lang') === (en ? 'en' : 'zh-CN'), en);
}
const rollupRows = () =>
  page.$$eval('#rollup tbody tr', (trs) =>
    trs.map((tr) => ({
      file: tr.querySelector('th.file').textContent.replace(/ ↔.*$/, '').trim(),
      verdict: tr.dataset.verdict,
      pairing: tr.querySelector('td.pairing')?.textContent.trim(),
      paired: tr.querySelector('td.pairing')?.dataset.paired,
    })),
  );

// ---- the supervisor: a batch, one agency's two years written two ways, in two forms ----
await step('batch pairing', async () => {
  await setLang(false);
  await page.setInputFiles('#file', batchFiles);
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 120000 });
  const rows = await rollupRows();
  const by = Object.fromEntries(rows.map((r) => [r.file, r]));
  check('roll-up: five rows, the scan among them', rows.length === 5 && by['scan.pdf']?.verdict === 'unreadable', JSON.stringify(rows));
  check('roll-up: a file that is only a link is an unreadable row saying so', by['link.txt']?.verdict === 'unreadable' && (await page.textContent('#rollup tr:has(th.file:has-text("link.txt")) td.reason')).includes('这是网页地址'), JSON.stringify(by['link.txt']));
  check('roll-up: a 上年报告 column', (await page.textContent('#rollup thead')).includes('上年报告'));
  check('roll-up: the 2022 web page is paired with the 2021 text written 丰泽区卫生健康局', by['fengze-2022.html']?.pairing === '已与上年报告配对：fengze-2021.txt' && by['fengze-2022.html']?.paired === 'true', JSON.stringify(by['fengze-2022.html']));
  check('roll-up: the 2021 report says no 2020 report of its agency is in the batch', by['fengze-2021.txt']?.pairing === '未配对：本批没有该单位2020年度的报告' && by['fengze-2021.txt']?.paired === 'false', JSON.stringify(by['fengze-2021.txt']));
  check('roll-up: another agency\'s report is not paired with it, and says why', by['haicang-2020.txt']?.pairing === '未配对：本批没有该单位2019年度的报告', JSON.stringify(by['haicang-2020.txt']));
  check('roll-up: the scan has no pairing, its reason is shown', by['scan.pdf']?.pairing === '—', JSON.stringify(by['scan.pdf']));
  // The table scrolls sideways in its box: scrolled to its last columns, as a user would to read them.
  const scrollRight = () => page.evaluate(() => {
    const w = document.querySelector('.rollup .grid-wrap');
    w.scrollLeft = w.scrollWidth;
  });
  await scrollRight();
  const seen = await page.evaluate(() => {
    const r = document.querySelector('#rollup tbody td.pairing').getBoundingClientRect();
    return r.right <= window.innerWidth && r.left >= 0;
  });
  check('roll-up: scrolled to the right, the 上年报告 column is in view', seen);
  await page.screenshot({ path: path.join(artifacts, 'pairing-rollup.png'), fullPage: true });

  // The roll-up CSV says the same.
  const sum = await download('#dl-summary');
  const csv = csvRows(sum.text);
  const head = csv[0];
  const col = head.indexOf('上年报告配对');
  const cell = (f) => csv.find((r) => r[0] === f)?.[col];
  check('roll-up CSV: the 上年报告配对 column, after the others, then 雷同', col === head.length - 2 && head[head.length - 1] === '雷同' && head.includes('说明'), head.join(','));
  check('roll-up CSV: paired and unpaired as on screen', cell('fengze-2022.html') === '已与上年报告配对：fengze-2021.txt' && cell('fengze-2021.txt') === '未配对：本批没有该单位2020年度的报告' && cell('scan.pdf') === '', JSON.stringify(csv.map((r) => [r[0], r[col]])));

  // In English.
  await setLang(true);
  const en = Object.fromEntries((await rollupRows()).map((r) => [r.file, r]));
  check('roll-up (English): paired with which file, or why not', en['fengze-2022.html']?.pairing === "paired with last year's fengze-2021.txt" && en['haicang-2020.txt']?.pairing === 'not paired: no 2019 report of this agency in the batch', JSON.stringify(en));
  check('roll-up (English): the column\'s heading', (await page.textContent('#rollup thead')).includes('Last year'));
  await scrollRight();
  await page.screenshot({ path: path.join(artifacts, 'pairing-rollup-en.png'), fullPage: true });

  // At 390 px the column is there, the table scrolls sideways inside its box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('roll-up at 390 px: the page itself does not scroll sideways', overflow <= 1, String(overflow));
  await scrollRight();
  await page.screenshot({ path: path.join(artifacts, 'pairing-rollup-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await setLang(false);

  // Opening the paired report: compared with last year's (the carry-over agrees).
  await page.click('#rollup tr:has(th.file:has-text("fengze-2022.html")) button.open');
  await page.waitForSelector('#comparison', { timeout: 60000 });
  await settled();
  const found = await page.textContent('#comparison .found');
  const carry = await page.getAttribute('#comparison li[data-rule=carryover-mismatch]', 'data-status');
  check('open: the paired report is compared with fengze-2021.txt', found.includes('fengze-2021.txt') && found.includes('2021'), found);
  check('open: the carry-over agrees with last year\'s', carry === 'pass', String(carry));
  await page.click('#back');
  await page.waitForSelector('#rollup');
  await page.click('#batch-close');
});

// ---- the clerk: last year's box with a report that could not be read ----
await step('last year could not be read', async () => {
  await setLang(false);
  await page.fill('#report', tabs);
  await settled();
  // The slot may still hold the batch report's last year (opened above): remove it first.
  if (await page.locator('#previous-clear').count()) await page.click('#previous-clear');
  if (!(await page.evaluate(() => document.querySelector('#previous-slot').open))) await page.click('#previous-slot summary');
  await page.fill('#previous-text', lastYearNoTable);
  await page.dispatchEvent('#previous-text', 'change');
  await page.waitForSelector('#comparison li[data-rule=carryover-mismatch]', { timeout: 60000 });
  await settled();
  const detail = await page.textContent('#comparison li[data-rule=carryover-mismatch] .detail');
  check('last year: the carry-over says last year\'s could not be read', detail.includes('上年报告的结转数') && detail.includes('未能读出') && !detail.includes('不是数字'), detail);
  const prevRate = await page.textContent('#rates tr[data-rate=substantive_disclosure] td:nth-of-type(4)');
  check('last year: the rates say last year\'s could not be read', prevRate.includes('上年未能读出'), prevRate);
  await setLang(true);
  const detailEn = await page.textContent('#comparison li[data-rule=carryover-mismatch] .detail');
  const prevRateEn = await page.textContent('#rates tr[data-rate=substantive_disclosure] td:nth-of-type(4)');
  check('last year (English): says which report could not be read', detailEn.startsWith("Last year's report") && prevRateEn.includes("not read from last year's"), `${detailEn} | ${prevRateEn}`);
  await page.locator('#comparison').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'last-year-unread-en.png'), fullPage: false });
  await setLang(false);
  // A scan in last year's box: its message, naming last year's report.
  await page.setInputFiles('#previous-file', path.join(fixtures, 'scanned.pdf'));
  await page.waitForSelector('.notice.error', { timeout: 60000 });
  const notice = await page.textContent('.notice.error');
  check('last year: a scan in last year\'s box gets a message naming last year\'s report', notice.includes('上年报告') && notice.includes('scanned.pdf'), notice);
  await page.click('#previous-clear');
  await settled();
  // A web address pasted into last year's box: the link message, naming last year's report;
  // nothing is compared and the report is checked alone.
  if (!(await page.evaluate(() => document.querySelector('#previous-slot').open))) await page.click('#previous-slot summary');
  await page.fill('#previous-text', 'https://www.fzqzf.gov.cn/zwgk/ndbg/202201/t20220115_2834567.htm');
  await page.dispatchEvent('#previous-text', 'change');
  await page.waitForFunction(() => (document.querySelector('.notice.error')?.textContent || '').includes('网页地址'), null, { timeout: 30000 });
  await settled();
  const linkNotice = await page.textContent('.notice.error');
  check('last year: a web address in last year\'s box gets the link message naming last year\'s report', linkNotice.includes('上年报告') && linkNotice.includes('网页地址'), linkNotice);
  check('last year: with only a link there, the report is checked alone (a verdict, no comparison)', (await page.locator('.result-pane [data-verdict]').count()) === 1 && (await page.locator('#comparison').count()) === 0);
  await page.fill('#previous-text', '');
  await page.dispatchEvent('#previous-text', 'change');
  await settled();
});

// ---- a pasted link ----
async function noVerdict() {
  return page.evaluate(() => ({
    verdict: document.querySelectorAll('.result-pane [data-verdict]').length,
    cards: document.querySelectorAll('.result-pane .card').length,
    counts: document.querySelectorAll('.result-pane .count').length,
  }));
}
await step('a pasted link', async () => {
  await setLang(false);
  await page.fill('#report', url);
  await page.waitForSelector('.link-refused', { timeout: 60000 });
  const msg = await page.textContent('.link-refused');
  check('link: the message says the page cannot fetch it, and what to do', msg.includes('这是网页地址') && msg.includes('不会访问网页') && msg.includes('Ctrl+S') && msg.includes('全选'), msg);
  const nv = await noVerdict();
  check('link: no verdict, no cards, no counts', nv.verdict === 0 && nv.cards === 0 && nv.counts === 0, JSON.stringify(nv));
  await page.screenshot({ path: path.join(artifacts, 'link-pasted.png') });
  // With the page's title on a line above it, as some browsers copy it.
  await page.fill('#report', `泉州市丰泽区卫生健康局2022年政府信息公开工作年度报告\n${url}`);
  await page.waitForSelector('.link-refused', { timeout: 60000 });
  check('link: with its title line, still the message', (await noVerdict()).verdict === 0);
  await setLang(true);
  const en = await page.textContent('.link-refused');
  check('link (English): the message', en.includes('This is a web address') && en.includes('never sends anything') && en.includes('Ctrl+S'), en);
  await page.screenshot({ path: path.join(artifacts, 'link-pasted-en.png') });
  await setLang(false);
  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const box = await page.evaluate(() => {
    const r = document.querySelector('.link-refused').getBoundingClientRect();
    return { w: Math.round(r.width), right: Math.round(r.right), overflow: document.documentElement.scrollWidth - window.innerWidth };
  });
  check('link at 390 px: the message fits the screen', box.right <= 390 && box.overflow <= 1, JSON.stringify(box));
  await page.locator('.link-refused').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'link-pasted-390.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  // A real report after it: checked as usual.
  await page.fill('#report', tabs);
  await settled();
  check('link: a report pasted next is checked as usual', (await page.locator('.result-pane [data-verdict]').count()) > 0 && (await page.locator('.link-refused').count()) === 0);
  // A text file that is only a link: the same message, as the command line's.
  await page.setInputFiles('#file', path.join(tmp, 'link.txt'));
  await page.waitForSelector('.notice.error', { timeout: 60000 });
  const notice = await page.textContent('.notice.error');
  check('link file: the same message', notice.includes('link.txt') && notice.includes('这是网页地址'), notice);
  check('link file: the command line refuses it the same way (exit 2)', cliLink.code === 2 && cliLink.err.includes('这是网页地址'), JSON.stringify(cliLink));
});

check('nothing was fetched from anywhere else', foreign.length === 0, foreign.join(' '));
check('no page errors', pageErrors.length === 0, pageErrors.join('; '));
await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
