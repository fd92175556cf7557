// The page on a phone and with the keyboard alone (issue 18, item 8), walked as its users do:
//
// - the clerk, keyboard only: Tab to 选择文件… (its focus visible), Enter, a Word file chosen in
//   the file chooser, Tab to a finding, Enter (its line selected), Tab to 忽略…, Enter (the focus
//   in the reason), a reason typed and confirmed (the focus back on the finding); cancelling too;
// - the clerk on a phone (390×844): a tapped finding shows its line in place, ↑ 在原文中查看 shows
//   the text box with the line, ↓ 回到问题 comes back to the finding; part 三's and 四's grids keep
//   their label and 总计 columns in view while scrolled sideways;
// - the supervisor: a .zip of reports chosen with the keyboard, a report opened from the roll-up
//   (its verdict in view and focused), ← 返回汇总 (the focus back on the row opened); on a phone
//   the roll-up keeps the verdict and the file in view while scrolled sideways.
//
// In Chinese and in English, at desktop width and at 390 px. Screenshots in artifacts/:
// phone-finding.png (and phone-finding-text.png: the text box it leads to), phone-grid.png,
// phone-rollup.png, keyboard-focus.png.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-phone-keyboard.mjs   (dist/ built)
//
// Prints one line per check and "N passed, N failed"; exits 1 on any failure.

import { serve } from './serve-dist.mjs';
import { root, dist, seedsDir, fixtures, artifacts, cli, check, step, finish, launchBrowser } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';


/** The command line's result for a file (verdict, findings). */
function cliResult(file) {
  let out;
  try {
    out = execFileSync(cli, ['check', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit status 1 when a report has errors
  }
  return JSON.parse(out.trim().split('\n')[0]);
}

// The supervisor's files: the seeds and the fixtures of every form, and a scan, in one .zip.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-journey-'));
const zipDir = path.join(tmp, 'units');
fs.mkdirSync(zipDir);
for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(seedsDir, f), path.join(zipDir, `seed-${f}`));
for (const f of ['report_a.docx', 'report_b.docx', 'report_a.pdf', 'report_b.pdf', 'report_b.html', 'report_a_tabs.txt', 'scanned.pdf']) {
  fs.copyFileSync(path.join(fixtures, f), path.join(zipDir, f));
}
const zipFile = path.join(tmp, 'units.zip');
execFileSync('zip', ['-q', '-j', zipFile, ...fs.readdirSync(zipDir).sort().map((f) => path.join(zipDir, f))]);
const zipCount = fs.readdirSync(zipDir).length;

const clerkFile = path.join(fixtures, 'report_b.docx');
const clerkCli = cliResult(clerkFile);

const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A fresh page at `viewport`, in English when `en`; a phone has touch. */
async function open(viewport, en, { hold = false } = {}) {
  const phone = viewport.width < 500;
  const ctx = await browser.newContext({ viewport, hasTouch: phone, isMobile: phone, acceptDownloads: true });
  if (en) await ctx.addInitScript(() => localStorage.setItem('nianbao.lang', '"en"'));
  const p = await ctx.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  let release = () => {};
  if (hold) {
    // The app's wasm held back: the keys go to the first view (#shell).
    const held = new Promise((r) => (release = r));
    await p.route(/nianbao-web-[0-9a-f]+_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
  }
  await p.goto(origin + '/');
  await p.waitForSelector('#report');
  if (en) await p.waitForFunction(() => !document.getElementById('shell') && document.querySelector('#app #lang')?.textContent === '中文', null, { timeout: 30000 });
  return { ctx, p, errors, release };
}
async function checked(p) {
  await p.waitForFunction(() => document.querySelector('.result-pane[aria-busy=false] [data-verdict]'), null, { timeout: 60000 });
}
/** What has the focus: id, classes, the finding's index, the row's index. */
function focused(p) {
  return p.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return { tag: 'body' };
    return {
      tag: a.tagName.toLowerCase(),
      id: a.id,
      cls: a.getAttribute('class') || '', // an SVG mark's className is not a string
      finding: a.closest('li.finding')?.dataset.index,
      row: a.closest('tr')?.dataset.index,
      inShell: !!a.closest('#shell'),
    };
  });
}
/** Tab (forward, or backward) until `test(focus)` holds; the number of presses, or -1. */
async function tabTo(p, test, max = 150, key = 'Tab') {
  for (let i = 1; i <= max; i++) {
    await p.keyboard.press(key);
    if (test(await focused(p))) return i;
  }
  return -1;
}
/** Whether the element's box lies inside the viewport (wholly, or `part`ly). */
function inView(p, selector, part = false) {
  return p.evaluate(
    ([s, part]) => {
      const el = typeof s === 'string' ? document.querySelector(s) : null;
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const w = window.innerWidth;
      const h = window.innerHeight;
      if (r.width === 0 || r.height === 0) return false;
      return part ? r.bottom > 0 && r.top < h && r.right > 0 && r.left < w : r.top >= -0.5 && r.left >= -0.5 && r.bottom <= h + 0.5 && r.right <= w + 0.5;
    },
    [selector, part],
  );
}
/** Polls `fn` until it is true (smooth scrolling takes a moment); its last value. */
async function until(fn, ms = 3000) {
  const end = Date.now() + ms;
  let v = await fn();
  while (!v && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}
/** The computed outline of the element (a visible focus: a solid outline at least 2 px). */
function outline(p, selector) {
  return p.evaluate((s) => {
    const cs = getComputedStyle(document.querySelector(s));
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  }, selector);
}
const visibleOutline = (o) => o.style !== 'none' && o.width >= 2;
/** Presses `key` and answers the file chooser it opens with `files` (false if none opened). */
async function chooseWith(p, key, files) {
  // Listening first: Playwright intercepts the chooser only once the listener is in place.
  let opened = 0;
  const count = () => opened++;
  p.on('filechooser', count);
  const waiter = p.waitForEvent('filechooser', { timeout: 10000 }).catch(() => null);
  await p.waitForTimeout(300);
  await p.keyboard.press(key);
  const chooser = await waiter;
  await p.waitForTimeout(300);
  p.off('filechooser', count);
  if (!chooser) return false;
  await chooser.setFiles(files);
  return opened === 1; // once: the page's Enter and the browser's own do not both open it
}

// ---- the clerk, keyboard alone ----
async function clerkKeyboard(en) {
  const L = en ? 'en' : 'zh';
  const t = (zh, e) => (en ? e : zh);
  const { ctx, p, errors, release } = await open(DESKTOP, en, { hold: !en });
  // Tab from the top of the page to 选择文件…: its label shows the focus, Enter opens the chooser.
  const presses = await tabTo(p, (f) => f.id === 'file', 10);
  const where = await focused(p);
  check(`clerk ${L}: Tab reaches ${t('选择文件…', 'Choose files…')} (${presses} presses${where.inShell ? ', first view' : ''})`, presses > 0, JSON.stringify(where));
  const o = await outline(p, 'label[for=file]');
  check(`clerk ${L}: ${t('选择文件…', 'Choose files…')} shows the focus`, visibleOutline(o), JSON.stringify(o));
  if (!en) await p.screenshot({ path: path.join(artifacts, 'keyboard-focus.png'), clip: { x: 0, y: 0, width: DESKTOP.width, height: 260 } });
  check(`clerk ${L}: Enter opens the file chooser`, await chooseWith(p, 'Enter', clerkFile));
  release();
  await checked(p);
  const verdict = await p.getAttribute('[data-verdict]', 'data-verdict');
  check(`clerk ${L}: the chosen Word file is checked (verdict as the command line's)`, verdict === clerkCli.verdict && (await p.textContent('.stats')).includes('report_b.docx'), verdict);

  // Tab to the first finding with a line; Enter selects it and its line.
  const n = await tabTo(p, (f) => f.cls.includes('finding-btn'), 200);
  const first = await focused(p);
  check(`clerk ${L}: Tab reaches a finding (${n} presses)`, n > 0, JSON.stringify(first));
  const fo = await p.evaluate(() => {
    const cs = getComputedStyle(document.activeElement);
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  });
  check(`clerk ${L}: the finding shows the focus`, visibleOutline(fo), JSON.stringify(fo));
  // Move to a finding with a line (↓ moves between findings), then Enter.
  for (let i = 0; i < 10 && !(await p.evaluate(() => document.activeElement.dataset.line)); i++) await p.keyboard.press('ArrowDown');
  const line = await p.evaluate(() => document.activeElement.dataset.line);
  const idx = (await focused(p)).finding;
  await p.keyboard.press('Enter');
  await p.waitForSelector(`li.finding.selected[data-index="${idx}"]`);
  const hl = await p.evaluate(() => document.querySelector('#excerpt .src-line.hl')?.dataset.line);
  check(`clerk ${L}: Enter on a finding shows its line ${line} beside the result`, line && hl === line && (await inView(p, '#excerpt .src-line.hl')), `${hl} vs ${line}`);
  const sel = await p.evaluate((line) => {
    const ta = document.querySelector('#report');
    const lines = ta.value.split('\n');
    return ta.value.slice(ta.selectionStart, ta.selectionEnd) === lines[Number(line) - 1];
  }, line);
  check(`clerk ${L}: the line is selected in the text box`, sel);

  // Tab to 忽略… in the same finding; Enter opens the reason with the focus in it.
  const k = await tabTo(p, (f) => f.cls.includes('dismiss') && f.finding === idx, 4);
  check(`clerk ${L}: Tab reaches ${t('忽略…', 'Dismiss…')} of the finding`, k > 0, JSON.stringify(await focused(p)));
  await p.keyboard.press('Enter');
  let f = await focused(p);
  check(`clerk ${L}: Enter on ${t('忽略…', 'Dismiss…')} puts the focus in the reason`, f.cls.includes('dismiss-reason') && f.finding === idx, JSON.stringify(f));
  // Cancelling (Escape) returns the focus to the finding; so does confirming.
  await p.keyboard.press('Escape');
  f = await focused(p);
  check(`clerk ${L}: Escape cancels, the focus back on the finding`, f.cls.includes('finding-btn') && f.finding === idx && !(await p.$('.dismiss-form')), JSON.stringify(f));
  await tabTo(p, (f) => f.cls.includes('dismiss') && f.finding === idx, 4);
  await p.keyboard.press('Enter');
  await p.keyboard.type(t('本单位无此类申请，已核实', 'checked: no such request this year'));
  await tabTo(p, (f) => f.tag === 'button' && (f.cls === '' || f.cls === undefined) && f.finding === idx, 3);
  const cancelText = await p.evaluate(() => document.activeElement.textContent);
  check(`clerk ${L}: Tab reaches ${t('取消', 'Cancel')}`, cancelText === t('取消', 'Cancel'), cancelText);
  await p.keyboard.press('Enter');
  f = await focused(p);
  check(`clerk ${L}: ${t('取消', 'Cancel')} with Enter, the focus back on the finding`, f.cls.includes('finding-btn') && f.finding === idx, JSON.stringify(f));
  await tabTo(p, (f) => f.cls.includes('dismiss') && f.finding === idx, 4);
  await p.keyboard.press('Enter');
  const reason = t('本单位无此类申请，已核实', 'checked: no such request this year');
  await p.keyboard.type(reason);
  await p.keyboard.press('Enter');
  await p.waitForSelector(`li.finding.dismissed[data-index="${idx}"]`);
  f = await focused(p);
  check(`clerk ${L}: the reason confirmed with Enter, the focus back on the finding`, f.cls.includes('finding-btn') && f.finding === idx, JSON.stringify(f));
  const shown = await p.textContent(`li.finding[data-index="${idx}"] .dismissed-reason`);
  check(`clerk ${L}: the finding says it was dismissed and why`, shown.includes(reason), shown);
  check(`clerk ${L}: no page errors`, errors.length === 0, errors.join('; '));
  await ctx.close();
}

// ---- the clerk on a phone: a tapped finding shows its line in place; the grids ----
async function clerkPhone(en) {
  const L = en ? 'en' : 'zh';
  const t = (zh, e) => (en ? e : zh);
  const { ctx, p, errors } = await open(PHONE, en);
  await p.setInputFiles('#file', clerkFile);
  await checked(p);
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  check(`phone ${L}: the page is no wider than the screen`, width <= PHONE.width, String(width));
  // The last finding with a line: far below the text box.
  const btn = (await p.$$('#findings li.finding button.finding-btn[data-line]')).pop();
  const idx = await btn.evaluate((b) => b.closest('li').dataset.index);
  const line = await btn.evaluate((b) => b.dataset.line);
  await btn.scrollIntoViewIfNeeded();
  await btn.tap();
  const item = `#findings li.finding[data-index="${idx}"]`;
  await p.waitForSelector(`${item}.selected .finding-where`);
  const far = await p.evaluate(() => document.querySelector('#report').getBoundingClientRect().bottom < 0);
  check(`phone ${L}: the text box is out of view when the finding is tapped`, far);
  const quoted = await p.evaluate((s) => {
    const w = document.querySelector(s + ' .finding-where');
    return { no: w.querySelector('.src-no').textContent, text: w.querySelector('.src-text').textContent };
  }, item);
  const lineText = (await p.inputValue('#report')).split('\n')[Number(line) - 1].replace(/\t/g, ' ⇥ ');
  check(`phone ${L}: the tapped finding quotes its line ${line} under it`, quoted.no === line && quoted.text === lineText, JSON.stringify(quoted));
  check(`phone ${L}: the quoted line is in view after the tap`, await inView(p, `${item} .finding-where .src-line`), '');
  await p.screenshot({ path: path.join(artifacts, en ? 'phone-finding-en.png' : 'phone-finding.png') });
  // ↑ to the text box: the line is shown there; ↓ back to the finding, focused.
  await p.tap(`${item} .to-text`);
  const textShown = await until(() => inView(p, '#excerpt .src-line.hl'));
  const hl = await p.evaluate(() => document.querySelector('#excerpt .src-line.hl')?.dataset.line);
  check(`phone ${L}: ${t('在原文中查看', 'See it in the text')} shows the line in the text's excerpt`, textShown && hl === line, hl);
  check(`phone ${L}: the text box is in view with it`, await inView(p, '#report', true));
  check(`phone ${L}: ${t('回到问题', 'Back to the finding')} is in view under the text`, await inView(p, '.to-finding'));
  if (!en) await p.screenshot({ path: path.join(artifacts, 'phone-finding-text.png') });
  await p.tap('.to-finding');
  const back = await until(() => inView(p, `${item} .finding-btn`));
  const f = await focused(p);
  check(`phone ${L}: ${t('回到问题', 'Back to the finding')} returns to the finding, focused`, back && f.finding === idx && f.cls.includes('finding-btn'), JSON.stringify(f));

  // Part 四's grid and part 三's: the label and 总计 columns stay in view scrolled sideways.
  for (const [table, card] of [['appeals', 'phone-grid'], ['requests', null]]) {
    const wrap = `table.grid-${table}`;
    await p.$eval(wrap, (t) => t.closest('.grid-wrap').scrollIntoView({ block: 'center' }));
    const edges = [];
    for (const to of ['start', 'middle', 'end']) {
      const seen = await p.$eval(
        wrap,
        (t, to) => {
          const w = t.closest('.grid-wrap');
          w.scrollLeft = to === 'start' ? 0 : to === 'end' ? w.scrollWidth : w.scrollWidth / 2;
          const box = w.getBoundingClientRect();
          const head = t.querySelector('thead tr');
          const total = head.lastElementChild.getBoundingClientRect();
          const label = t.querySelector('tbody th.rowlabel').getBoundingClientRect();
          return {
            scrolls: w.scrollWidth > w.clientWidth,
            total: head.lastElementChild.textContent.trim(),
            totalIn: total.left >= box.left - 1 && total.right <= box.right + 1,
            labelIn: label.left >= box.left - 1 && label.right <= box.right + 1,
            overlap: label.right > total.left + 1,
          };
        },
        to,
      );
      edges.push(seen);
    }
    const ok = edges.every((e) => e.totalIn && e.labelIn && !e.overlap);
    check(`phone ${L}: part ${table === 'appeals' ? '四' : '三'}'s grid keeps its labels and ${edges[0].total} in view (${edges[0].scrolls ? 'scrolled sideways' : 'fits'})`, ok && edges[0].total === t('总计', 'total') || (ok && table === 'requests'), JSON.stringify(edges));
    if (card && !en) {
      await p.$eval(wrap, (t) => {
        const w = t.closest('.grid-wrap');
        w.scrollLeft = w.scrollWidth / 2;
        t.closest('.card').scrollIntoView({ block: 'start' });
      });
      await p.screenshot({ path: path.join(artifacts, `${card}.png`) });
    }
  }
  check(`phone ${L}: no page errors`, errors.length === 0, errors.join('; '));
  await ctx.close();
}

// ---- the supervisor: a .zip chosen with the keyboard, a report opened and back ----
async function supervisor(viewport, en) {
  const L = `${en ? 'en' : 'zh'} ${viewport.width < 500 ? 'phone' : 'desktop'}`;
  const t = (zh, e) => (en ? e : zh);
  const { ctx, p, errors } = await open(viewport, en);
  await p.waitForFunction(() => true);
  const presses = await tabTo(p, (f) => f.id === 'file', 10);
  check(`supervisor ${L}: Tab reaches ${t('选择文件…', 'Choose files…')}`, presses > 0);
  await p.waitForFunction(() => !document.getElementById('shell'), null, { timeout: 30000 });
  // The app has taken over: the focus is still on the chooser, visible, and Enter opens it.
  const f0 = await focused(p);
  const o = await outline(p, 'label[for=file]');
  check(`supervisor ${L}: the app's ${t('选择文件…', 'Choose files…')} has the focus, visible`, f0.id === 'file' && !f0.inShell && visibleOutline(o), JSON.stringify({ f0, o }));
  if (en && viewport.width > 500) await p.screenshot({ path: path.join(artifacts, 'keyboard-focus-en.png'), clip: { x: 0, y: 0, width: viewport.width, height: 260 } });
  check(`supervisor ${L}: Enter opens the file chooser`, await chooseWith(p, 'Enter', zipFile));
  await p.waitForSelector('#batch-status[data-finished=true]', { timeout: 180000 });
  const rows = await p.$$eval('#rollup tbody tr', (trs) => trs.map((tr) => ({ index: tr.dataset.index, verdict: tr.dataset.verdict, file: tr.querySelector('th.file').textContent })));
  check(`supervisor ${L}: the .zip's ${zipCount} files in the roll-up`, rows.length === zipCount, String(rows.length));

  if (viewport.width < 500) {
    // The roll-up on a phone: scrolled sideways, the verdict and the file stay in view.
    const seen = await p.$eval('#rollup', (t) => {
      const w = t.closest('.grid-wrap');
      t.closest('.card').scrollIntoView({ block: 'start' });
      w.scrollLeft = w.scrollWidth;
      const box = w.getBoundingClientRect();
      return [...t.querySelectorAll('tbody tr')].slice(0, 6).map((tr) => {
        const v = tr.children[0].getBoundingClientRect();
        const f = tr.children[1].getBoundingClientRect();
        return { scrolled: w.scrollLeft > 0, v: v.left >= box.left - 1 && v.right <= box.right, f: f.left >= v.right - 1 && f.right <= box.right, verdict: tr.children[0].textContent };
      });
    });
    check(`supervisor ${L}: scrolled sideways, each row's verdict and file stay in view`, seen.every((s) => s.scrolled && s.v && s.f), JSON.stringify(seen));
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    check(`supervisor ${L}: the page is no wider than the screen`, width <= viewport.width, String(width));
    if (!en) await p.screenshot({ path: path.join(artifacts, 'phone-rollup.png') });
  }

  // Tab to the open button of a row lower down (the fifth readable), Enter.
  const readable = rows.filter((r) => r.verdict !== 'unreadable');
  const target = readable[Math.min(4, readable.length - 1)];
  await p.evaluate(() => window.scrollTo(0, 0));
  const n = await tabTo(p, (f) => f.cls.includes('open') && f.row === target.index, 200);
  check(`supervisor ${L}: Tab reaches the row of ${target.file.trim()}`, n > 0, JSON.stringify(await focused(p)));
  const ob = await p.evaluate(() => {
    const cs = getComputedStyle(document.activeElement);
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  });
  check(`supervisor ${L}: the row's link shows the focus`, visibleOutline(ob), JSON.stringify(ob));
  await p.keyboard.press('Enter');
  await p.waitForSelector('#back');
  await checked(p);
  const vf = await until(async () => (await focused(p)).id === 'verdict-text');
  check(`supervisor ${L}: the opened report's verdict has the focus`, vf, JSON.stringify(await focused(p)));
  check(`supervisor ${L}: its verdict and ${t('← 返回汇总', '← Back to the roll-up')} are in view`, (await inView(p, '#verdict-text')) && (await inView(p, '#back')));
  const vo = await outline(p, '#verdict-text');
  check(`supervisor ${L}: the verdict shows the focus`, visibleOutline(vo), JSON.stringify(vo));
  // Shift+Tab to ← 返回汇总, Enter: the roll-up, the focus on the row opened.
  await p.keyboard.press('Shift+Tab');
  const fb = await focused(p);
  check(`supervisor ${L}: Shift+Tab from the verdict reaches ${t('← 返回汇总', '← Back to the roll-up')}`, fb.id === 'back', JSON.stringify(fb));
  await p.keyboard.press('Enter');
  await p.waitForSelector('#rollup');
  const back = await until(async () => (await focused(p)).row === target.index);
  const fr = await focused(p);
  check(`supervisor ${L}: back in the roll-up, the focus on the row opened`, back && fr.cls.includes('open'), JSON.stringify(fr));
  const rowSel = `#rollup tr[data-index="${target.index}"] th.file`;
  check(`supervisor ${L}: that row is in view`, await until(() => inView(p, rowSel)), JSON.stringify(await p.evaluate((s) => ({ rect: document.querySelector(s)?.getBoundingClientRect(), h: innerHeight, y: scrollY }), rowSel)));
  check(`supervisor ${L}: no page errors`, errors.length === 0, errors.join('; '));
  await ctx.close();
}

await step('clerk zh, keyboard', () => clerkKeyboard(false));
await step('clerk en, keyboard', () => clerkKeyboard(true));
await step('clerk zh, phone', () => clerkPhone(false));
await step('clerk en, phone', () => clerkPhone(true));
await step('supervisor zh, desktop', () => supervisor(DESKTOP, false));
await step('supervisor en, phone', () => supervisor(PHONE, true));
await step('supervisor zh, phone', () => supervisor(PHONE, false));

await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
