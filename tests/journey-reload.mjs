// The clerk's journey across a reload, and dismissals that count (issue 18, items 1 and 2).
// Like a user: choose a PDF, a Word file and a web page; take the whole result (the JSON
// download and the result pane's text), dismiss a finding with a reason, reload, and find the
// same result with the dismissal still applied; the same with last year's report in its slot;
// typing after a file makes the kept state plain text; 清除 forgets it. Then dismiss errors and
// watch the banner, the counts, the part cards, the downloads and the batch roll-up say what is
// left; undo, and they are restored. In Chinese and English, at desktop width and at 390 px.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-reload.mjs   (expects dist/ built)
//
// Prints one line per check and "N passed, N failed"; exits 1 on any failure. Leaves
// artifacts/reload.png (a file's result after a reload), artifacts/dismissal.png (the banner
// with 已忽略), dismissal-all.png (every error dismissed), reload-phone.png (390 px, English).

import { serve } from './serve-dist.mjs';
import { root, dist, fixtures, artifacts, cli, check, step, finish, csvRows, launchBrowser } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-reload-'));

function cliJson(args) {
  let out;
  try {
    out = execFileSync(cli, ['check', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    out = e.stdout; // exit status 1 when a report has errors
  }
  return JSON.parse(out);
}

const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();

async function open(width) {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 }, acceptDownloads: true, isMobile: width < 500 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(origin + '/');
  await page.waitForSelector('#report');
  return { context, page, errors };
}
async function settled(page, timeout = 90000) {
  await page.waitForFunction(
    () => document.querySelector('.result-pane[aria-busy=false]') && (document.querySelector('[data-verdict]') || document.querySelector('.empty')),
    null,
    { timeout },
  );
}
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}
/** The whole result as the user has it: the JSON download and the result pane's text. */
async function whole(page) {
  const json = (await download(page, '#dl-json')).text;
  // The timing line changes with every check; everything else must not.
  const pane = await page.$eval('.result-pane', (el) => {
    const c = el.cloneNode(true);
    c.querySelector('#timing-slot')?.remove();
    return c.innerText;
  });
  return { json, pane, verdict: await page.getAttribute('[data-verdict]', 'data-verdict') };
}
/** Chooses a file and waits for its check (the pane goes busy, then shows a verdict). */
async function choose(page, file, selector = '#file') {
  await page.evaluate(() => {
    window.__busy = false;
    window.__obs?.disconnect();
    window.__obs = new MutationObserver(() => {
      if (document.querySelector('.result-pane[aria-busy=true]')) window.__busy = true;
    });
    window.__obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  await page.setInputFiles(selector, path.join(fixtures, file));
  await page.waitForFunction(() => window.__busy && document.querySelector('.result-pane[aria-busy=false]') && document.querySelector('[data-verdict]'), null, { timeout: 90000 });
}
/** Reloads and waits for the restored result; the kept state is written just after a check. */
async function reload(page) {
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('[data-verdict]', { timeout: 90000 });
  await settled(page);
}
async function dismiss(page, locator, reason) {
  await locator.locator('button.dismiss').click();
  await locator.locator('input.dismiss-reason').fill(reason);
  await locator.locator('button.dismiss-confirm').click();
}

// ---- a file's result survives a reload, with its dismissal ----
const desk = await open(1366);
for (const file of ['report_b.pdf', 'report_b.docx', 'report_b.html']) {
  await step(`reload: ${file}`, async () => {
    const { page } = desk;
    await choose(page, file);
    const cli = cliJson([path.join(fixtures, file)]);
    const first = await whole(page);
    const j = JSON.parse(first.json);
    check(`${file}: the page's result is the command line's`, j.verdict === cli.verdict && JSON.stringify(j.counts) === JSON.stringify(cli.counts) && j.findings.length === cli.findings.length && j.input.grids > 0, `${j.verdict} ${JSON.stringify(j.counts)} vs ${cli.verdict} ${JSON.stringify(cli.counts)}`);
    if (file.endsWith('.pdf')) {
      // What keeping the grids is for: the same text checked as text reads its tables another
      // way (cells placed from the text, not read cell by cell from the grids).
      const text = await page.inputValue('#report');
      fs.writeFileSync(path.join(tmp, 'as-text.txt'), text);
      const asText = cliJson([path.join(tmp, 'as-text.txt')]);
      const gridCells = (r) => ['active', 'requests', 'appeals'].flatMap((t) => r.tables[t].rows.flatMap((row) => Object.values(row.cells || {}))).filter((c) => c.read === 'grid').length;
      check(`${file}: its text alone is read differently (so a text-only reload would change the result)`, gridCells(j) > 0 && gridCells(asText) < gridCells(j) && JSON.stringify(asText.tables) !== JSON.stringify(j.tables), `${gridCells(j)} vs ${gridCells(asText)} cells read from grids`);
    }
    const target = page.locator('#findings li.finding').first();
    const rule = await target.getAttribute('data-rule');
    await dismiss(page, target, `已核实：${file}`);
    await page.waitForSelector('#findings li.finding.dismissed');
    const before = await whole(page);
    check(`${file}: the dismissal is in the JSON download`, JSON.parse(before.json).findings.filter((f) => f.dismissed).length === 1);
    const text = await page.inputValue('#report');
    // What the browser keeps: the document with its grids, not only the text.
    const kept = await page.evaluate(() => new Promise((resolve) => {
      const r = indexedDB.open('nianbao');
      r.onsuccess = () => {
        const g = r.result.transaction('slots').objectStore('slots').get(0);
        g.onsuccess = () => resolve(g.result || '');
        g.onerror = () => resolve('');
      };
      r.onerror = () => resolve('');
    }));
    const k = kept ? JSON.parse(kept) : {};
    check(`${file}: the browser keeps the document with its grids`, k.name === file && k.doc && k.doc.tables.length === j.input.grids && k.doc.text === text, `${kept.length} chars`);
    console.log(`info kept ${file}: ${kept.length} characters (text ${text.length}, ${j.input.grids} grids)`);
    await reload(page);
    const after = await whole(page);
    check(`${file}: after a reload the JSON download is byte for byte the same`, after.json === before.json, `${after.json.length} vs ${before.json.length}`);
    check(`${file}: after a reload the result pane reads the same`, after.pane === before.pane, after.pane.slice(0, 300));
    check(`${file}: after a reload the dismissal still applies`, (await page.locator('#findings li.finding.dismissed').count()) === 1 && (await page.getAttribute('#findings li.finding.dismissed', 'data-rule')) === rule);
    check(`${file}: after a reload the text box holds the file's text and name`, (await page.inputValue('#report')) === text && JSON.parse(after.json).input.name === file && JSON.parse(after.json).input.form === j.input.form);
    if (file.endsWith('.pdf')) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(artifacts, 'reload.png'), fullPage: false });
    }
    await page.click('#findings li.finding.dismissed button.undismiss');
    check(`${file}: 恢复 undoes the dismissal`, (await page.locator('#findings li.finding.dismissed').count()) === 0 && (await whole(page)).json === first.json);
  });
}

await step('reload with last year\'s report in its slot', async () => {
  const { page } = desk;
  await choose(page, 'report_b.docx');
  await page.click('#previous-slot summary');
  await page.setInputFiles('#previous-file', path.join(fixtures, 'report_a.pdf'));
  await page.waitForSelector('#previous-info');
  await page.waitForSelector('#comparison');
  await settled(page);
  const cli = cliJson(['--previous', path.join(fixtures, 'report_a.pdf'), path.join(fixtures, 'report_b.docx')]);
  const before = await whole(page);
  const j = JSON.parse(before.json);
  check('previous: the comparison is the command line\'s', j.comparison && j.comparison.previous.sha256 === cli.comparison.previous.sha256 && JSON.stringify(j.counts) === JSON.stringify(cli.counts), JSON.stringify(j.counts));
  await reload(page);
  await page.waitForSelector('#comparison');
  const after = await whole(page);
  check('previous: after a reload last year\'s slot is restored (name shown)', (await page.textContent('#previous-info')).includes('report_a.pdf'));
  check('previous: after a reload the same result, comparison included', after.json === before.json && after.pane === before.pane, after.pane.slice(0, 200));
  await page.click('#previous-clear');
  await settled(page);
  await reload(page);
  check('previous: removed, it stays removed after a reload', (await page.locator('#previous-info').count()) === 0 && !JSON.parse((await whole(page)).json).comparison);
});

await step('typing after a file: the kept state follows the text', async () => {
  const { page } = desk;
  await choose(page, 'report_b.pdf');
  const text = await page.inputValue('#report');
  await page.fill('#report', text + '\n');
  await settled(page);
  await page.waitForTimeout(1500); // typing is kept once it pauses (1 s)
  const before = await whole(page);
  check('typed: the slot is plain text now', JSON.parse(before.json).input.form === 'text');
  await reload(page);
  const after = await whole(page);
  check('typed: after a reload, the text as typed, checked as text', after.json === before.json && (await page.inputValue('#report')) === text + '\n');
  await page.click('#clear');
  await settled(page);
  await page.reload();
  await page.waitForSelector('#report');
  await page.waitForTimeout(1500);
  check('清除: forgotten after a reload', (await page.locator('[data-verdict]').count()) === 0 && (await page.inputValue('#report')) === '');
});

// ---- dismissals count ----
await step('dismissals count: banner, counts, cards, downloads', async () => {
  const { page } = desk;
  await choose(page, 'report_b.pdf');
  const j = JSON.parse((await whole(page)).json);
  const n = j.counts.error;
  const banner = () => page.textContent('#verdict-text');
  check('dismiss: before, the banner counts every error', (await banner()).trim() === `需修改 ${n} 项`, await banner());
  const errs = page.locator('#findings li.finding.error');
  await dismiss(page, errs.first(), '表内数字已与原件核对');
  await page.waitForSelector('#findings li.finding.dismissed');
  check('dismiss: the banner says what is left', (await banner()).trim() === `需修改 ${n - 1} 项 · 已忽略 1 项`, await banner());
  check('dismiss: the error count is what is left', (await page.textContent('[data-count=error]')).includes(String(n - 1)) && (await page.textContent('[data-count=dismissed]')).includes('1'));
  check('dismiss: the list of findings says how many are dismissed', (await page.textContent('#all-findings-title')).includes('已忽略 1'), await page.textContent('#all-findings-title'));
  check('dismiss: the engine\'s own verdict is still said', (await page.textContent('#engine-verdict')).includes(`需修改 ${n} 项`));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifacts, 'dismissal.png'), fullPage: false });
  // Every error dismissed: no longer 需修改.
  for (let k = 1; k < n; k++) {
    await dismiss(page, page.locator('#findings li.finding.error:not(.dismissed)').first(), `理由${k}`);
    await page.waitForFunction((k) => document.querySelectorAll('#findings li.finding.dismissed').length === k + 1, k);
  }
  const all = (await banner()).trim();
  const left = await page.getAttribute('[data-verdict]', 'data-left');
  check('dismiss: every error dismissed, the banner says so plainly', !all.includes('需修改') && all.includes(`已忽略 ${n} 项`) && left !== 'fail' && (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'fail', `${all} ${left}`);
  const parts = await page.$$eval('.part-card', (cs) => cs.map((c) => [c.dataset.part, c.dataset.status, c.dataset.engineStatus, c.querySelector('.part-dismissed')?.dataset.dismissed || '0']));
  check('dismiss: no part card fails on dismissed errors; the card says how many', parts.every(([, s]) => s !== 'fail') && parts.some(([, s, e, d]) => e === 'fail' && Number(d) >= 1), JSON.stringify(parts));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifacts, 'dismissal-all.png'), fullPage: false });
  const dj = JSON.parse((await download(page, '#dl-json')).text);
  check('dismiss: JSON says what is left', dj.left && dj.left.counts.error === 0 && dj.left.dismissed === n && dj.verdict === 'fail' && dj.left.verdict === left, JSON.stringify(dj.left));
  const csv = csvRows((await download(page, '#dl-csv')).text);
  const di = csv[0].findIndex((h) => h === '已忽略（理由）' || h === 'dismissed'); // the Chinese page's CSV has Chinese headers
  const withReason = csv.slice(1).filter((r) => (r[di] || '').length > 0);
  check('dismiss: CSV marks each dismissed finding with its reason', withReason.length === n && withReason.some((r) => r[di] === '表内数字已与原件核对'), csv[0].join(','));
  const html = (await download(page, '#dl-html')).text;
  check('dismiss: the printable report shows what is left and the engine\'s verdict', html.includes(`已忽略 ${n} 项`) && html.includes('错误 0') && html.includes(`检查结论（未计忽略）：需修改 ${n} 项`) && html.includes('已忽略：表内数字已与原件核对'));
  // English.
  await page.click('#lang');
  const en = (await banner()).trim();
  check('dismiss (English): the banner', en.includes(`${n} dismissed`) && !en.includes('fixes'), en);
  check('dismiss (English): the engine\'s verdict', (await page.textContent('#engine-verdict')).includes(`Needs ${n} fixes`));
  const enHtml = (await download(page, '#dl-html')).text;
  check('dismiss (English): the printable report', enHtml.includes(`verdict before dismissals: Needs ${n} fixes`) && enHtml.includes('errors 0'));
  await page.click('#lang');
  // Undo all.
  while ((await page.locator('#findings li.finding.dismissed').count()) > 0) {
    const c = await page.locator('#findings li.finding.dismissed').count();
    await page.locator('#findings li.finding.dismissed button.undismiss').first().click();
    await page.waitForFunction((c) => document.querySelectorAll('#findings li.finding.dismissed').length === c - 1, c);
  }
  check('undo: the banner and counts are restored', (await banner()).trim() === `需修改 ${n} 项` && (await page.locator('#engine-verdict').count()) === 0 && (await page.textContent('[data-count=error]')).includes(String(n)));
  const back = JSON.parse((await download(page, '#dl-json')).text);
  check('undo: the JSON has no `left` and nothing dismissed', !back.left && back.findings.every((f) => !f.dismissed));
});

await step('dismissals count in the batch roll-up', async () => {
  const { page } = desk;
  // One error dismissed on the single report, then a batch with the same file.
  await choose(page, 'report_b.pdf');
  const n = JSON.parse((await whole(page)).json).counts.error;
  await dismiss(page, page.locator('#findings li.finding.error').first(), '已核实一');
  await page.waitForSelector('#findings li.finding.dismissed');
  await page.setInputFiles('#file', [path.join(fixtures, 'report_b.pdf'), path.join(fixtures, 'report_a.docx')]);
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 120000 });
  const row = async () => {
    const rows = await page.$$eval('#rollup tbody tr', (trs) => trs.map((tr) => ({ file: tr.querySelector('th.file').textContent.replace(/ ↔.*$/, '').trim(), verdict: tr.dataset.verdict, errors: tr.querySelector('[data-col=errors]')?.textContent, dismissed: tr.querySelector('.verdict-cell').dataset.dismissed, text: tr.querySelector('.verdict-cell').textContent, index: tr.dataset.index })));
    return rows.find((r) => r.file === 'report_b.pdf');
  };
  let r = await row();
  check('roll-up: the row counts errors left after the dismissal', r.errors === String(n - 1) && r.dismissed === '1' && r.text.includes('已忽略 1 项'), JSON.stringify(r));
  // Open it, dismiss another error, come back.
  await page.click(`#rollup tbody tr[data-index="${r.index}"] button.open`);
  await settled(page);
  check('roll-up: the opened report shows the same count', (await page.textContent('#verdict-text')).includes(`需修改 ${n - 1} 项 · 已忽略 1 项`), await page.textContent('#verdict-text'));
  if (n > 1) {
    await dismiss(page, page.locator('#findings li.finding.error:not(.dismissed)').first(), '已核实二');
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding.dismissed').length === 2);
  }
  await page.click('#back');
  await page.waitForFunction((want) => {
    const tr = [...document.querySelectorAll('#rollup tbody tr')].find((t) => t.querySelector('th.file').textContent.includes('report_b.pdf'));
    return tr && tr.querySelector('.verdict-cell').dataset.dismissed === String(want);
  }, Math.min(n, 2));
  r = await row();
  const d = Math.min(n, 2);
  check('roll-up: the row follows a dismissal made in the opened report', r.errors === String(n - d) && r.dismissed === String(d), JSON.stringify(r));
  const sum = csvRows((await download(page, '#dl-summary')).text);
  const h = sum[0];
  const line = sum.find((x) => x[0] === 'report_b.pdf');
  check('roll-up CSV: 错误数 left and 说明 says how many were dismissed', line && line[h.indexOf('错误数')] === String(n - d) && line[h.indexOf('说明')].includes(`已忽略 ${d} 项`), JSON.stringify(line));
  await page.click('#lang');
  r = await row();
  check('roll-up (English): dismissed said', r.text.includes(`${d} dismissed`), r.text);
  await page.click('#lang');
  // Undo in the opened report: the row is restored.
  await page.click(`#rollup tbody tr[data-index="${r.index}"] button.open`);
  await settled(page);
  while ((await page.locator('#findings li.finding.dismissed').count()) > 0) {
    const c = await page.locator('#findings li.finding.dismissed').count();
    await page.locator('#findings li.finding.dismissed button.undismiss').first().click();
    await page.waitForFunction((c) => document.querySelectorAll('#findings li.finding.dismissed').length === c - 1, c);
  }
  await page.click('#back');
  await page.waitForFunction(() => {
    const tr = [...document.querySelectorAll('#rollup tbody tr')].find((t) => t.querySelector('th.file').textContent.includes('report_b.pdf'));
    return tr && tr.querySelector('.verdict-cell').dataset.dismissed === '0';
  });
  r = await row();
  check('roll-up: undone, the row is as found', r.errors === String(n) && r.verdict === 'fail', JSON.stringify(r));
  await page.click('#batch-close');
});
check('desktop: no page errors', desk.errors.length === 0, desk.errors.join('; '));
await desk.context.close();

// ---- on a phone, in English ----
await step('phone (390 px, English): a PDF\'s result and its dismissal survive a reload', async () => {
  const phone = await open(390);
  const { page } = phone;
  await page.click('#lang');
  await page.waitForSelector('#report');
  await choose(page, 'report_b.pdf');
  await dismiss(page, page.locator('#findings li.finding.error').first(), 'checked against the original');
  await page.waitForSelector('#findings li.finding.dismissed');
  const before = await whole(page);
  const banner = (await page.textContent('#verdict-text')).trim();
  check('phone: the banner in English says what is left', /^Needs \d+ fix(es)? · 1 dismissed$/.test(banner), banner);
  await reload(page);
  const after = await whole(page);
  check('phone: the same result after a reload, dismissal applied, still English', after.json === before.json && after.pane === before.pane && (await page.textContent('#verdict-text')).trim() === banner);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check('phone: the banner fits the screen', overflow <= 1 || (await page.$eval('#verdict-text', (e) => e.getBoundingClientRect().right <= window.innerWidth + 1)), String(overflow));
  await page.evaluate(() => document.querySelector('#verdict-text').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(artifacts, 'reload-phone.png'), fullPage: false });
  check('phone: no page errors', phone.errors.length === 0, phone.errors.join('; '));
  await phone.context.close();
});

// ---- a browser that cannot keep files ----
await step('no IndexedDB: still works, says once that a reload re-reads the text only', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The worker's store refuses, as a browser without IndexedDB (or over its quota) does.
  await context.route('**/keep.js', async (route) => {
    const body = "export function keptSlots() { return Promise.reject(new Error('no IndexedDB')); }\nexport function keepSlot() { return Promise.reject(new Error('no IndexedDB')); }\n";
    await route.fulfill({ contentType: 'text/javascript', body });
  });
  await page.goto(origin + '/');
  await page.waitForSelector('#report');
  await choose(page, 'report_b.docx');
  await page.waitForSelector('.notice');
  const notice = await page.textContent('.notice');
  check('no IndexedDB: told that a reload re-reads the text only', notice.includes('刷新页面后只会按文本重新检查'), notice);
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('[data-verdict]', { timeout: 90000 });
  await settled(page);
  const form = await page.textContent('[data-meta=form]');
  check('no IndexedDB: after a reload the text is checked as text, with a result', form.startsWith('文本') && (await page.inputValue('#report')).includes('三、收到和处理政府信息公开申请情况'), form);
  const told = await page.locator('.notice').allTextContents();
  check('no IndexedDB: said once, again after the reload (a new visit), not on every check', told.filter((t) => t.includes('刷新页面后只会按文本重新检查')).length <= 1, told.join(' | '));
  check('no IndexedDB: no page errors', errors.length === 0, errors.join('; '));
  await context.close();
});

await browser.close();
server.close();
finish();
