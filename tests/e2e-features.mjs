// End-to-end test of the page's batch, last-year, dismissal, rule-page, offline and privacy
// features (tests/e2e.mjs covers single reports in every form). Like a user: choose 20 files,
// watch the progress, cancel, sort, open a report and come back, download the roll-up; add last
// year's report; dismiss a finding and reload; open a rule's page; reload with the network off;
// type in a 1 MB report; drop hostile files.
//
//   node tests/e2e-features.mjs   (expects dist/ built and NIANBAO_CLI pointing at the CLI binary)
//
// Prints one line per check and "N passed, N failed"; exits 1 on any failure. Timings are
// printed as "info" lines (the test run's benchmark of the page's batch).

import { serve } from './serve-dist.mjs';
import { root, dist, seedsDir, fixtures, artifacts, cli, check, step, finish, cliRun, csvRows, launchBrowser, watchForeign } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');


// ---- the batch's files: 20, every form, one unreadable ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
const batchDir = path.join(tmp, 'batch');
fs.mkdirSync(batchDir);
const batchFiles = [];
for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
  fs.copyFileSync(path.join(seedsDir, f), path.join(batchDir, `seed-${f}`));
}
for (const f of [
  'report_a.docx', 'report_a_numbered.docx', 'report_b.docx',
  'report_a.html', 'report_a_gbk.html', 'report_b.html',
  'report_a.pdf', 'report_b.pdf', 'report_a_split.pdf',
  'report_a_tabs.txt', 'report_a_tabs_gb18030.txt', 'report_a_tabs_utf16le.txt', 'report_a_markdown.md', 'report_a_cells.txt',
]) {
  fs.copyFileSync(path.join(fixtures, f), path.join(batchDir, f));
}
// An old binary Word file: refused with a message, listed, never dropped.
fs.writeFileSync(path.join(batchDir, 'old-format.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
for (const f of fs.readdirSync(batchDir).sort()) batchFiles.push(path.join(batchDir, f));

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
/** Records every value of the progress bar and the longest main-thread task while a batch runs. */
async function watchBatch() {
  await page.evaluate(() => {
    window.__seen = [];
    window.__longest = 0;
    window.__obs?.disconnect();
    window.__obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    });
    window.__obs.observe({ type: 'longtask' });
    const tick = () => {
      const s = document.querySelector('#batch-status');
      if (s) window.__seen.push(Number(s.dataset.done));
      if (!s || s.dataset.finished !== 'true') requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
async function batchFinished(timeout = 120000) {
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout });
}

// ---- the first view: plain HTML until the user acts, then the app takes over ----
/** A fresh page whose app (its wasm) is held back until `release()`: the user acts on the first view. */
async function heldPage() {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p = await ctx.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await p.route(/nianbao-web-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return { ctx, p, release };
}
/** Waits for the checklist of page `p`. */
async function checkedOn(p) {
  await p.waitForFunction(() => document.querySelector('.result-pane[aria-busy=false]') && document.querySelector('[data-verdict]'), null, { timeout: 60000 });
}
await step('the first view and the app taking over', async () => {
  const { ctx, p, release } = await heldPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(origin + '/');
  await p.waitForLoadState('load');
  await p.waitForTimeout(500);
  const before = [...fetched];
  // shell.js imports the one paste rule every text box follows (static/paste.js, 0.6 KB gzip).
  check('first view: before any action only the HTML, CSS, shell.js and its paste rule are fetched', before.length === 4 && before.some((u) => u.endsWith('.css')) && before.includes('/shell.js') && before.includes('/paste.js') && !before.some((u) => /\.wasm$|nianbao-web/.test(u)), before.join(' '));
  const firstBytes = before.filter((u) => u !== '/').map((u) => fs.statSync(path.join(dist, u))).reduce((a, s) => a + s.size, 0) + fs.statSync(path.join(dist, 'index.html')).size;
  console.log(`info first view: ${before.length} files, ${firstBytes} bytes before gzip`);
  const boxes = () =>
    p.evaluate(() =>
      ['#sample', 'label[for=file]', '#report', '.result-pane', '#previous-slot', '#privacy'].map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return [s, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(' ');
      }),
    );
  const shellText = await p.evaluate(() => document.body.innerText);
  const shellBoxes = await boxes();
  await p.screenshot({ path: path.join(artifacts, 'first-view.png') });
  // Acting on the first view while the app loads: type, open last year's slot and type there.
  await p.click('#report');
  const loading = await p.textContent('.result-pane .empty');
  check('first view: acting starts loading the app, and the page says so', loading.includes('正在载入') && (await p.getAttribute('.result-pane', 'aria-busy')) === 'true', loading);
  const seed = fs.readFileSync(path.join(seedsDir, '003_6b7184a4cdcd6840.txt'), 'utf8');
  await p.keyboard.insertText(seed.slice(0, 2000));
  await p.keyboard.type('甲乙');
  await p.evaluate(() => {
    const ta = document.querySelector('#report');
    ta.setSelectionRange(10, 12);
  });
  check('first view: the app is still held back while typing', await p.evaluate(() => !!document.getElementById('shell')));
  release();
  await p.waitForFunction(() => !document.getElementById('shell') && document.querySelector('#app #report'), null, { timeout: 30000 });
  const after = await p.evaluate(() => {
    const ta = document.querySelector('#report');
    return { value: ta.value, start: ta.selectionStart, end: ta.selectionEnd, focus: document.activeElement && document.activeElement.id };
  });
  check('take-over: the typed text, its caret and the focus move to the app', after.value === seed.slice(0, 2000) + '甲乙' && after.start === 10 && after.end === 12 && after.focus === 'report', JSON.stringify({ ...after, value: after.value.length }));
  await checkedOn(p);
  check('take-over: the typed text is checked', (await p.textContent('.stats')).startsWith(`${[...(seed.slice(0, 2000) + '甲乙')].length} 字`), await p.textContent('.stats'));
  // The first view is the app's first view: the same text in the same places.
  await p.fill('#report', '');
  await p.waitForFunction(() => document.querySelector('.empty'), null, { timeout: 30000 });
  await p.evaluate(() => document.activeElement && document.activeElement.blur());
  check('first view: the same text as the app draws', (await p.evaluate(() => document.body.innerText)) === shellText);
  const appBoxes = await boxes();
  check('first view: the same layout as the app draws', JSON.stringify(appBoxes) === JSON.stringify(shellBoxes), `${shellBoxes} vs ${appBoxes}`);
  check('first view: no page errors', errors.length === 0, errors.join('; '));
  await ctx.close();

  // A file chosen and the sample asked for on the first view are done once the app is there.
  const { ctx: ctx2, p: p2, release: release2 } = await heldPage();
  await p2.goto(origin + '/');
  await p2.setInputFiles('#file', path.join(fixtures, 'report_b.docx'));
  release2();
  await checkedOn(p2);
  check('take-over: a Word file chosen before the app loaded is read and checked', (await p2.textContent('.stats')).includes('report_b.docx'), await p2.textContent('.stats'));
  await ctx2.close();

  // A file dropped on the first view's drop zone before the app loaded.
  const { ctx: ctx4, p: p4, release: release4 } = await heldPage();
  await p4.goto(origin + '/');
  const dropped = fs.readFileSync(path.join(seedsDir, '001_ff50e99d4c3fccda.txt'), 'utf8');
  await p4.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped-early.txt', { type: 'text/plain' }));
    const zone = document.querySelector('#shell .dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, dropped);
  check('first view: a drop is taken while the app loads', await p4.evaluate(() => !!document.getElementById('shell')));
  release4();
  await checkedOn(p4);
  check('take-over: a file dropped before the app loaded is read and checked', (await p4.textContent('.stats')).includes('dropped-early.txt') && (await p4.inputValue('#report')) === dropped.replace(/\r\n?/g, '\n'), await p4.textContent('.stats'));
  await ctx4.close();

  // The app cannot be fetched: the first view says so, and a later action tries again.
  const ctx3 = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p3 = await ctx3.newPage();
  let blocked = true;
  await p3.route(/nianbao-web-[0-9a-f]+_bg\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await p3.goto(origin + '/');
  await p3.click('#sample');
  await p3.waitForSelector('#shell-notice:not([hidden])', { timeout: 30000 });
  check('first view: an app that cannot load gets a message', (await p3.textContent('#shell-notice')).includes('未能载入'));
  blocked = false;
  await p3.click('#sample');
  await checkedOn(p3);
  check('first view: the next action loads the app, and the sample asked for twice is checked', (await p3.textContent('.stats')).includes('示例'), await p3.textContent('.stats'));
  await ctx3.close();
});

// ---- the batch ----
await step('batch of 20 files', async () => {
  const cliLines = cliRun(['check', '--format', 'json', '--summary', path.join(tmp, 'summary.csv'), '--issues', path.join(tmp, 'issues.csv'), batchDir])
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const cliSummary = csvRows(fs.readFileSync(path.join(tmp, 'summary.csv'), 'utf8'));
  const cliOrder = cliSummary.slice(1).map((r) => path.basename(r[0]));

  const t0 = Date.now();
  await page.setInputFiles('#file', batchFiles);
  await page.waitForSelector('#batch-status');
  await watchBatch();
  await batchFinished();
  const ms = Date.now() - t0;
  const seen = await page.evaluate(() => window.__seen);
  const longest = await page.evaluate(() => window.__longest);
  console.log(`info page batch of ${batchFiles.length} files: full roll-up in ${ms} ms, longest main-thread task ${Math.round(longest)} ms`);
  check('batch: the progress bar was seen moving', seen.some((v) => v > 0 && v < batchFiles.length) || seen.filter((v, i, a) => a.indexOf(v) === i).length > 2, seen.join(','));
  check('batch: the page stays responsive (no main-thread task over 200 ms)', longest < 200, String(longest));
  const rows = await page.$$eval('#rollup tbody tr', (trs) => trs.map((tr) => ({ file: tr.querySelector('th.file').textContent.replace(/ ↔.*$/, '').trim(), verdict: tr.dataset.verdict, index: tr.dataset.index, errors: tr.querySelector('[data-col=errors]')?.textContent, reason: tr.querySelector('td.reason')?.textContent })));
  check('batch: 20 rows', rows.length === 20, String(rows.length));
  // The command line reads a folder's .doc files too: the damaged one is unreadable in both.
  const order = rows.map((r) => r.file);
  check('batch: unreadable first, then the roll-up\'s order (failing first, as the command line\'s summary)', rows[0].file === 'old-format.doc' && order.join('|') === cliOrder.join('|'), order.join('|') + ' vs ' + cliOrder.join('|'));
  const byFile = Object.fromEntries(cliLines.filter((l) => l.input).map((l) => [path.basename(l.input.name), l]));
  const wrong = rows.filter((r) => byFile[r.file] && (byFile[r.file].verdict !== r.verdict || String(byFile[r.file].counts.error) !== r.errors));
  check('batch: every verdict and error count as the command line\'s', wrong.length === 0, JSON.stringify(wrong.slice(0, 3)));
  const bad = rows.find((r) => r.file === 'old-format.doc');
  check('batch: the unreadable file is listed with the reason', bad && bad.verdict === 'unreadable' && /docx/i.test(bad.reason || ''), JSON.stringify(bad));
  await page.screenshot({ path: path.join(artifacts, 'batch-rollup.png'), fullPage: true });

  // Sort by errors, filter, then back to the default order.
  await page.click('#rollup thead button.sort >> text=错误');
  const sorted = await page.$$eval('#rollup tbody tr [data-col=errors]', (tds) => tds.map((t) => Number(t.textContent)));
  check('batch: sorting by errors puts the most first', sorted.every((v, i) => i === 0 || sorted[i - 1] >= v), sorted.join(','));
  await page.fill('#batch-filter', 'report_b');
  const filtered = await page.$$eval('#rollup tbody tr th.file', (ths) => ths.map((t) => t.textContent));
  check('batch: filtering by file name', filtered.length === 3 && filtered.every((f) => f.includes('report_b')), filtered.join('|'));
  await page.fill('#batch-filter', '');
  await page.click('#rollup thead button.sort >> text=结论');

  // Open a report, then back to the table where it was.
  await page.evaluate(() => window.scrollTo(0, 300));
  const target = rows.find((r) => r.file === 'report_b.docx');
  await page.click(`#rollup tr[data-index="${target.index}"] button.open`);
  await page.waitForSelector('#back');
  await settled();
  const verdict = await page.getAttribute('[data-verdict]', 'data-verdict');
  check('batch: a click opens the report\'s checklist', verdict === byFile['report_b.docx'].verdict && (await page.inputValue('#report')).includes('三、收到和处理政府信息公开申请情况'), verdict);
  const cells = await page.$$eval('table.grid-requests td[data-cell]', (tds) => tds.length);
  check('batch: the opened report shows its grids', cells > 40, String(cells));
  await page.click('#back');
  await page.waitForSelector('#rollup');
  const again = await page.$$eval('#rollup tbody tr', (trs) => trs.length);
  const y = await page.evaluate(() => window.scrollY);
  check('batch: back returns to the roll-up where it was', again === 20 && Math.abs(y - 300) < 5, `${again} rows, scrollY ${y}`);

  // The three downloads hold what the table shows.
  const sum = await download('#dl-summary');
  const sumRows = csvRows(sum.text);
  check('batch: roll-up CSV has a BOM, the header and 20 rows in the table\'s order', sum.text.startsWith('\uFEFF文件,单位,年度') && sumRows.length === 21 && sumRows.slice(1).map((r) => path.basename(r[0])).join('|') === rows.map((r) => r.file).join('|'), sum.name);
  const jsonl = await download('#dl-jsonl');
  const results = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
  check('batch: JSONL has every result', results.length === 20 && results.filter((r) => r.verdict).length === 19 && results.some((r) => r.error && r.input.name === 'old-format.doc'), String(results.length));
  const issues = await download('#dl-issues');
  const issueRows = csvRows(issues.text);
  const total = results.filter((r) => r.findings).reduce((n, r) => n + r.findings.length, 0);
  check('batch: 问题清单 has a row per finding, one for the unreadable file and the 整改情况 column', issueRows[0].join(',') === '单位,年度,文件,部分,规则,严重程度,问题描述,原文位置,依据,整改情况,已忽略（理由）' && issueRows.length === total + 2 && issueRows[issueRows.length - 1][2] === 'old-format.doc', `${issueRows.length - 1} vs ${total}`);
  const cliIssues = csvRows(fs.readFileSync(path.join(tmp, 'issues.csv'), 'utf8'));
  // Both list the damaged .doc's row.
  check('batch: 问题清单 as the command line\'s (the damaged .doc\'s row in both)', issueRows.length === cliIssues.length && cliIssues.some((r) => path.basename(r[2] || '') === 'old-format.doc'), `${issueRows.length} vs ${cliIssues.length}`);
});

await step('cancel a batch', async () => {
  // 100 files: long enough to cancel in the middle.
  const many = [];
  for (let i = 0; i < (quick ? 40 : 100); i++) many.push(batchFiles[i % batchFiles.length]);
  const big = path.join(tmp, 'many');
  fs.mkdirSync(big);
  const files = many.map((f, i) => {
    const p = path.join(big, `${String(i).padStart(3, '0')}-${path.basename(f)}`);
    fs.copyFileSync(f, p);
    return p;
  });
  await page.click('#batch-close');
  await page.setInputFiles('#file', files);
  await page.waitForFunction(() => Number(document.querySelector('#batch-status')?.dataset.done) >= 3);
  await page.click('#batch-cancel');
  await batchFinished();
  const status = await page.textContent('#batch-status');
  const n = await page.$$eval('#rollup tbody tr', (trs) => trs.length);
  check('cancel: the batch stops and says so', /已取消|cancelled/.test(status) && n < files.length && n >= 3, `${n} rows; ${status}`);
  await page.click('#batch-close');
});

await step('a batch pairs a report with its agency\'s previous year', async () => {
  const dir = path.join(tmp, 'pair');
  fs.mkdirSync(dir);
  const text = fs.readFileSync(path.join(fixtures, 'report_a_tabs.txt'), 'utf8');
  fs.writeFileSync(path.join(dir, 'a-2022.txt'), text);
  fs.writeFileSync(path.join(dir, 'a-2021.txt'), text.replaceAll('2022', '2021'));
  await page.setInputFiles('#file', [path.join(dir, 'a-2021.txt'), path.join(dir, 'a-2022.txt')]);
  await batchFinished();
  const paired = await page.$$eval('#rollup tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th.file').textContent, !!tr.querySelector('.paired')]));
  check('pairing: the 2022 report is compared with the 2021 one', paired.some(([f, p]) => f.startsWith('a-2022') && p) && paired.some(([f, p]) => f.startsWith('a-2021') && !p), JSON.stringify(paired));
  await page.click('#batch-close');
});

// ---- last year's report, rates, dismissals, rule pages ----
const current = fs.readFileSync(path.join(seedsDir, fs.readdirSync(seedsDir).filter((f) => f.startsWith('003'))[0]), 'utf8');
const previous = current.replaceAll('2020', '2019');
fs.writeFileSync(path.join(tmp, 'current.txt'), current);
fs.writeFileSync(path.join(tmp, 'previous.txt'), previous);

await step('last year\'s report', async () => {
  const json = JSON.parse(cliRun(['check', '--format', 'json', '--previous', path.join(tmp, 'previous.txt'), path.join(tmp, 'current.txt')]));
  await page.fill('#report', current);
  await settled();
  await page.click('#previous-slot summary');
  await page.fill('#previous-text', previous);
  await page.dispatchEvent('#previous-text', 'change');
  await page.waitForSelector('#comparison');
  await settled();
  const share = Number(await page.getAttribute('.repeated-share', 'data-share'));
  check('previous: 雷同 share as the command line\'s', Math.abs(share - json.comparison.repeated_share) < 1e-4, `${share} vs ${json.comparison.repeated_share}`);
  check('previous: a report compared with itself is (nearly) all repeated', share > 0.95, String(share));
  const marks = await page.$$eval('.repeated-text mark', (m) => m.length);
  check('previous: the repeated passages are highlighted', marks > 10, String(marks));
  const carry = await page.getAttribute('#comparison li[data-rule=carryover-mismatch]', 'data-status');
  const cliCarry = [...json.document.checks, ...json.sections.flatMap((s) => s.checks)].find((c) => c.rule === 'carryover-mismatch');
  check('previous: the carry-over check shown as the command line\'s', carry && cliCarry && carry === cliCarry.status, `${carry} vs ${cliCarry && cliCarry.status}`);
  const rates = await page.$$eval('#rates tbody tr', (trs) => trs.map((tr) => [tr.dataset.rate, tr.querySelector('td.value').textContent]));
  const want = json.rates.map((r) => [r.key, r.value === null ? '—' : (r.value * 100).toFixed(1) + '%']);
  check('previous: the rates panel shows every rate as the command line computes it', rates.length === 8 && rates.every(([k, v], i) => k === want[i][0] && v.startsWith(want[i][1])), JSON.stringify(rates) + ' vs ' + JSON.stringify(want));
  const change = await page.$$eval('#rates thead th', (ths) => ths.map((t) => t.textContent).join('|'));
  check('previous: the rates show last year and the change', change.includes('上年') && change.includes('变化'), change);
  await page.screenshot({ path: path.join(artifacts, 'previous-year.png'), fullPage: true });
  // The threshold is the user's.
  await page.fill('#repeated-threshold', '100');
  await page.locator('#repeated-threshold').press('Enter');
  await page.locator('#repeated-threshold').blur();
  await settled();
  await settled();
  const th = await page.inputValue('#repeated-threshold');
  const kept = await page.evaluate(() => localStorage.getItem('nianbao.repeated-threshold'));
  check('previous: the threshold can be set, and is remembered', th === '100' && kept === '1.0', `${th} ${kept}`);
  await page.fill('#repeated-threshold', '50');
  await page.locator('#repeated-threshold').press('Enter');
  await page.locator('#repeated-threshold').blur();
  await settled();
  await page.click('#previous-clear');
  await settled();
  check('previous: removing it removes the comparison', (await page.locator('#comparison').count()) === 0);
});

await step('a table pasted into last year\'s box is read as a document', async () => {
  // The one paste rule (static/paste.js) holds in last year's box too.
  const html = fs.readFileSync(path.join(fixtures, 'report_a.html'), 'utf8');
  await page.fill('#report', current);
  await settled();
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', 'flattened text that must not be used');
    const ta = document.querySelector('#previous-text');
    ta.value = '';
    ta.focus();
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForSelector('#previous-info', { timeout: 30000 });
  await settled();
  const info = await page.textContent('#previous-info');
  const box = await page.inputValue('#previous-text');
  check('previous: a table pasted over the box is read as a document, not as its plain text', info.includes('上年报告.html') && !box.includes('must not be used'), `${info} | ${box.slice(0, 40)}`);
  await page.click('#previous-clear');
  await settled();
});

await step('dismiss a finding', async () => {
  await page.fill('#report', current);
  await settled();
  const first = page.locator('#findings li.finding').first();
  const rule = await first.getAttribute('data-rule');
  await first.locator('button.dismiss').click();
  await first.locator('input.dismiss-reason').fill('本单位为设区的市政府，有规章制定权');
  await first.locator('button.dismiss-confirm').click();
  await page.waitForSelector('#findings li.finding.dismissed');
  check('dismiss: marked with its reason', (await page.textContent('#findings li.finding.dismissed .dismissed-reason')).includes('有规章制定权'));
  await page.reload();
  await page.waitForSelector('[data-verdict]');
  await settled();
  check('dismiss: still dismissed after a reload', (await page.locator('#findings li.finding.dismissed').count()) === 1 && (await page.getAttribute('#findings li.finding.dismissed', 'data-rule')) === rule);
  const json = JSON.parse((await download('#dl-json')).text);
  const d = json.findings.filter((f) => f.dismissed);
  check('dismiss: in the JSON download, marked, with the reason', d.length === 1 && d[0].rule === rule && d[0].dismissed.includes('规章制定权'), JSON.stringify(d));
  const csv = csvRows((await download('#dl-csv')).text);
  const di = csv[0].indexOf('已忽略（理由）');
  check('dismiss: in the CSV download', di >= 0 && csv.filter((r) => (r[di] ?? '').includes('规章制定权')).length === 1, csv[0].join(','));
  const html = (await download('#dl-html')).text;
  check('dismiss: in the printable report', html.includes('已忽略：本单位为设区的市政府'));
  await page.click('#findings li.finding.dismissed button.undismiss');
  check('dismiss: restored', (await page.locator('#findings li.finding.dismissed').count()) === 0);
});

await step('a rule\'s page from a finding', async () => {
  const first = page.locator('#findings li.finding').first();
  const rule = await first.getAttribute('data-rule');
  await first.locator('button.rule-link').click();
  await page.waitForSelector('#rule-page');
  const text = await page.textContent('#rule-page');
  check('rule page: opens for the finding\'s rule', (await page.getAttribute('#rule-page', 'data-rule')) === rule, rule);
  check('rule page: basis, a wrong and a right example, how to fix', ['依据', '检查什么', '错误示例', '正确示例', '如何改正'].every((w) => text.includes(w)), text.slice(0, 200));
  await page.keyboard.press('Escape');
  check('rule page: Escape closes it', (await page.locator('#rule-page').count()) === 0);
});

// ---- the page never stalls: typing in a 1 MB report ----
await step('typing in a 1 MB report', async () => {
  const seed = fs.readFileSync(path.join(seedsDir, fs.readdirSync(seedsDir).filter((f) => f.startsWith('004'))[0]), 'utf8');
  const big = seed.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(seed)));
  await page.evaluate((t) => {
    const ta = document.querySelector('#report');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await settled();
  await page.waitForSelector('#report-editor[aria-busy=false] .cm-content', { timeout: 30000 });
  const shown = await page.evaluate(() => document.querySelector('#report-editor').nianbaoEditor.text());
  check('1 MB: the text moves into the long-text box, whole', shown === big && (await page.locator('textarea#report').count()) === 0, `${shown.length} of ${big.length} chars`);
  const lines = await page.$$eval('#report-editor .cm-line', (l) => l.length);
  check('1 MB: the long-text box draws only the lines in view', lines > 0 && lines < 500, `${lines} lines drawn of ${big.split('\n').length}`);
  await page.evaluate(() => {
    window.__tasks = [];
    window.__obs2 = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__tasks.push(Math.round(e.duration));
    });
    window.__obs2.observe({ type: 'longtask' });
  });
  const typed = '补充说明：本年度无其他需要报告的事项。';
  await page.focus('#report-text');
  await page.keyboard.press('Control+End');
  let t0 = Date.now();
  await page.keyboard.type(typed, { delay: 40 });
  await page.keyboard.type(' ok', { delay: 40 });
  const ms = (Date.now() - t0) / (typed.length + 3) - 40;
  // An input method: four composition updates, then the character is committed.
  const cdp = await page.context().newCDPSession(page);
  for (const [i, c] of ['b', 'bu', 'buc', 'buch'].entries()) {
    await cdp.send('Input.imeSetComposition', { text: c, selectionStart: i + 1, selectionEnd: i + 1 });
    await page.waitForTimeout(40);
  }
  await cdp.send('Input.insertText', { text: '充' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const tasks = await page.evaluate(() => window.__tasks.slice());
  console.log(`info typing in a 1 MB report: ${ms.toFixed(0)} ms a keystroke beyond the typing delay; tasks over 50 ms while typing: [${tasks.join(', ')}]`);
  check('1 MB: no main-thread task over 50 ms while typing (keys, Chinese characters, an input method)', tasks.length === 0, `[${tasks.join(', ')}]`);
  await settled();
  await page.waitForFunction((n) => document.querySelector('.stats').textContent.startsWith(`${n} 字`), [...big].length + [...typed].length + 4, { timeout: 30000 });
  const after = await page.evaluate(() => document.querySelector('#report-editor').nianbaoEditor.text());
  check('1 MB: the last keystroke is checked', after.endsWith(typed + ' ok充') && (await page.textContent('.stats')).includes('pasted.txt'), after.slice(-30));
  // A finding selects its line in the long-text box.
  const first = page.locator('#findings .finding-btn[data-line]').first();
  const line = Number(await first.getAttribute('data-line'));
  await first.click();
  await page.waitForTimeout(300);
  const active = await page.textContent('#report-editor .cm-activeLine');
  check('1 MB: a finding selects its line in the long-text box', active === after.split('\n')[line - 1], `line ${line}: ${JSON.stringify(active)}`);
  await page.click('#clear');
  await page.waitForSelector('textarea#report', { timeout: 10000 });
  check('1 MB: cleared, the plain text box is back', (await page.inputValue('#report')) === '');
});

// ---- hostile files: each gets its message, the page still works ----
await step('hostile files', async () => {
  const dir = path.join(tmp, 'hostile');
  fs.mkdirSync(dir);
  execFileSync('python3', ['-c', `
import zipfile, sys
d = sys.argv[1]
with zipfile.ZipFile(d + '/bomb.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('report.txt', b'0' * (300 << 20))
deep = '<w:tbl><w:tr><w:tc>' * 100000
doc = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + deep + '</w:body></w:document>'
with zipfile.ZipFile(d + '/deep.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', doc)
open(d + '/cells.html', 'w').write('<table>' + '<tr>' + '<td>1</td>' * 1000 + '</tr>' * 1 + ('<tr>' + '<td>1</td>' * 1000 + '</tr>') * 999 + '</table>')
open(d + '/nul.txt', 'wb').write(('一、总体情况\\n' + '\\x00' * 1000 + '二、主动公开政府信息情况\\n').encode('utf-8'))
open(d + '/long-line.txt', 'w').write('三、收到和处理政府信息公开申请情况\\n' + '1\\t' * (5 << 20))
open(d + '/cycle.pdf', 'wb').write(b'%PDF-1.4\\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF')
`, dir]);
  const cases = [
    ['bomb.zip', /压缩炸弹|上限/],
    ['deep.docx', /./],
    ['cells.html', /./],
    ['nul.txt', /./],
    ['long-line.txt', /./],
    ['cycle.pdf', /./],
  ];
  // All of them at once, as a batch: each listed, none stops it.
  await page.setInputFiles('#file', cases.map(([f]) => path.join(dir, f)));
  await batchFinished(180000);
  const rows = await page.$$eval('#rollup tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th.file').textContent, tr.dataset.verdict, tr.querySelector('td.reason')?.textContent || '']));
  console.log(`info hostile batch: ${JSON.stringify(rows)}`);
  check('hostile: every hostile file is listed in the batch', rows.length === cases.length, String(rows.length));
  const bomb = rows.find((r) => r[0].startsWith('bomb.zip'));
  check('hostile: the zip bomb is refused with a message', bomb && bomb[1] === 'unreadable' && cases[0][1].test(bomb[2]), JSON.stringify(bomb));
  await page.click('#batch-close');
  // One by one, as single files: a message or a checklist, and the page still works.
  for (const [f] of cases.slice(1)) {
    await page.setInputFiles('#file', path.join(dir, f));
    try {
      await page.waitForFunction(() => document.querySelector('.result-pane[aria-busy=false]') && (document.querySelector('.notice.error') || document.querySelector('[data-verdict]')), null, { timeout: 120000 });
    } catch (e) {
      check(`hostile ${f}: answered within 120 s`, false, (await page.textContent('.input-pane')).slice(0, 300));
      continue;
    }
    const notice = (await page.locator('.notice.error').count()) ? await page.textContent('.notice.error') : '';
    const verdict = (await page.locator('[data-verdict]').count()) ? await page.getAttribute('[data-verdict]', 'data-verdict') : '';
    check(`hostile ${f}: a message or a checklist`, notice.length > 0 || verdict.length > 0, `${notice}${verdict}`);
  }
  // The last file's 10 MB line is in the long-text box: clearing brings back the plain one.
  await page.click('#clear');
  await page.fill('#report', current);
  await settled();
  check('hostile: the page still checks a report afterwards', (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'fail');
});

// ---- offline and private ----
await step('offline and private', async () => {
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  check('CSP: the page may connect only to itself', /connect-src 'self'/.test(csp) && /default-src 'self'/.test(csp) && !/connect-src[^;]*(https?:|\*)/.test(csp), csp);
  check('privacy note shown', (await page.textContent('#privacy')).includes('不向任何地方发送'));
  // A request to another origin is blocked by the page's CSP.
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return false;
    } catch (_) {
      return true;
    }
  });
  check('CSP: a fetch to another site is refused', blocked);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#report', { timeout: 30000 });
  await page.fill('#report', current);
  await settled();
  check('offline: the page reloads and checks with no network', (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'fail');
  await context.setOffline(false);
});

check('no request to another origin', foreign.length === 0, foreign.join(' '));
check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
