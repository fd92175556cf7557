// End-to-end test of the built page (dist/) in headless Chromium, driven by playwright-core.
// It does what a user does: paste each seed report, read the verdict and the part cards, click a
// finding, download the results, reload, switch language, paste hostile and huge text.
//
//   node tests/e2e.mjs            (expects dist/ built and NIANBAO_CLI pointing at the CLI binary)
//
// Prints one line per check and a closing "N passed, N failed"; exits 1 on any failure.
// Screenshots go to artifacts/.

import { serve } from './serve-dist.mjs';
import { launchBrowser, watchForeign } from './lib.mjs';
import Ajv2020 from '../tools/node_modules/ajv/dist/2020.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const seedsDir = path.join(root, 'crates/nianbao/tests/data/seeds');
const artifacts = path.join(root, 'artifacts');
const cli = process.env.NIANBAO_CLI || path.join(root, 'target/debug/nianbao');
fs.mkdirSync(artifacts, { recursive: true });

// The result's JSON Schema (RESULT.md): every downloaded JSON must validate against it. Formats
// ("uint", "double" …) are schemars' annotations, not assertions.
const validateResult = new Ajv2020({ allErrors: true, validateFormats: false, allowUnionTypes: true })
  .compile(JSON.parse(fs.readFileSync(path.join(root, 'schema/result.schema.json'), 'utf8')));
function schemaErrors(jsonText) {
  if (validateResult(JSON.parse(jsonText))) return '';
  return validateResult.errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
}
async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, e.stack || String(e));
  }
}

function cliJson(file) {
  let out;
  try {
    out = execFileSync(cli, ['check', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit status 1 when the report has errors
  }
  return out;
}

const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
const foreign = watchForeign(context, origin);
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
let dialogs = 0;
page.on('dialog', async (d) => {
  dialogs++;
  await d.dismiss();
});

await page.goto(origin + '/');
await page.waitForSelector('#report');

/** Waits until the page shows the newest check (the worker answered the newest text). */
async function settled(timeout = 30000) {
  await page.waitForFunction(
    () => document.querySelector('.result-pane[aria-busy=false]') && (document.querySelector('[data-verdict]') || document.querySelector('.empty')),
    null,
    { timeout },
  );
}

/** Pastes text as a user would (input event) and waits until the verdict shows it. */
async function paste(text) {
  const t0 = Date.now();
  await page.fill('#report', text);
  await settled();
  return Date.now() - t0;
}

/** Time from the input event to the checklist on screen, measured inside the page. */
async function timedPaste(text) {
  return page.evaluate(async (text) => {
    const ta = document.querySelector('#report');
    ta.value = '';
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    ta.value = text;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => {
      const tick = () => (document.querySelector('.result-pane[aria-busy=false] [data-verdict]') ? r() : requestAnimationFrame(tick));
      tick();
    });
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, text);
}

const timings = [];
for (const seed of seeds) {
  const file = path.join(seedsDir, seed);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split(/\r\n|\r|\n/);
  const json = JSON.parse(cliJson(file));
  await step(`seed ${seed}`, async () => {
    await paste(text);
    const verdict = await page.getAttribute('[data-verdict]', 'data-verdict');
    check(`${seed}: verdict is the CLI's (${json.verdict})`, verdict === json.verdict, verdict);
    for (const sev of ['error', 'warning', 'info']) {
      const t = await page.textContent(`[data-count=${sev}]`);
      check(`${seed}: ${sev} count ${json.counts[sev]}`, t.includes(String(json.counts[sev])), t);
    }
    check(`${seed}: agency shown`, (await page.textContent('[data-meta=agency]')) === (json.meta.agency ?? '—'));
    for (const s of json.sections) {
      const card = page.locator(`[data-part="${s.number}"]`);
      const status = await card.getAttribute('data-status');
      const found = await card.getAttribute('data-found');
      const checks = await card.locator('li.check').evaluateAll((els) => els.map((e) => [e.dataset.rule, e.dataset.status]));
      const want = s.checks.map((c) => [c.rule, c.status]);
      check(
        `${seed}: part ${s.number} card (${s.status}, ${s.checks.length} checks)`,
        status === s.status && found === String(s.found) && JSON.stringify(checks) === JSON.stringify(want),
        `${status} ${found} ${JSON.stringify(checks)}`,
      );
    }
    // The rebuilt grid of part 三 shows the cells the engine read.
    const cells = await page.locator('table.grid-requests td[data-cell]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.cell, e.firstChild?.textContent ?? ''])));
    // A cell not simply read carries a mark (ᵀ ˢ ?) and a tooltip saying how it was obtained.
    const marks = await page.locator('table.grid-requests td[data-cell]').evaluateAll((els) => els.filter((e) => !e.classList.contains('ambiguous')).map((e) => [e.dataset.read, e.querySelector('sup.how')?.textContent ?? '', e.title]));
    const markBad = marks.filter(([read, mark, title]) => (read === 'guessed' || read === 'transposed' || read === 'solved') !== (mark !== '' && title.includes(' · ')));
    check(`${seed}: every transposed, solved or guessed cell is marked with its tooltip, no other`, markBad.length === 0, JSON.stringify(markBad.slice(0, 3)));
    let mismatches = 0;
    for (const row of json.tables.requests.rows) {
      for (const [k, c] of Object.entries(row.cells)) {
        const shown = cells[`${row.key}/${k}`];
        const want = c.kind === 'blank' ? '□' : c.kind === 'ambiguous' ? '?' : c.raw;
        if (shown !== want) mismatches++;
      }
    }
    check(`${seed}: part 三 grid shows every cell`, mismatches === 0 && Object.keys(cells).length > 0, `${mismatches} mismatches`);
    const listed = await page.locator('#findings li.finding').count();
    check(`${seed}: all findings listed`, listed === Math.min(json.findings.length, 300), `${listed} vs ${json.findings.length}`);

    // Click the first finding with a line: the excerpt highlights that line of the text.
    const idx = json.findings.findIndex((f) => f.line);
    if (idx >= 0) {
      await page.click(`#findings li.finding[data-index="${idx}"] button`);
      await page.waitForSelector('.src-line.hl');
      const hlNo = Number(await page.getAttribute('.src-line.hl', 'data-line'));
      const hlText = await page.textContent('.src-line.hl .src-text');
      const want = lines[json.findings[idx].line - 1].replace(/\t/g, ' ⇥ ');
      check(`${seed}: clicking a finding highlights line ${json.findings[idx].line}`, hlNo === json.findings[idx].line && hlText === want, `${hlNo} ${hlText}`);
      const selStart = await page.$eval('#report', (t) => t.value.slice(0, t.selectionStart).split('\n').length);
      check(`${seed}: the line is selected in the text box`, selStart === json.findings[idx].line, String(selStart));
    }

    // Downloads: JSON byte for byte as the CLI's (apart from input.name), CSV with BOM, HTML.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const got = fs.readFileSync(await dl.path(), 'utf8');
    const cliOut = cliJson(file);
    const norm = (s) => s.replace(/"name":"[^"]*"/, '"name":"*"');
    check(`${seed}: downloaded JSON equals the CLI's byte for byte`, norm(got) === norm(cliOut), `${got.length} vs ${cliOut.length}`);
    const invalid = schemaErrors(got);
    check(`${seed}: downloaded JSON validates against schema/result.schema.json`, invalid === '', invalid);
    check(`${seed}: JSON file name carries agency and year`, dl.suggestedFilename().includes(String(json.meta.year)) && dl.suggestedFilename().endsWith('.json'), dl.suggestedFilename());
    const [dlc] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    const csv = fs.readFileSync(await dlc.path());
    check(`${seed}: CSV starts with a UTF-8 BOM and has a row per finding`, csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf && csv.toString('utf8').trim().split('\r\n').length === json.findings.length + 1);
    const [dlh] = await Promise.all([page.waitForEvent('download'), page.click('#dl-html')]);
    const html = fs.readFileSync(await dlh.path(), 'utf8');
    check(`${seed}: HTML report is self-contained with a print stylesheet`, html.includes('@media print') && !html.includes('<script') && !/src="http/.test(html));
    if (seed.startsWith('003')) fs.writeFileSync(path.join(artifacts, 'report-003.html'), html);

    const ms = await timedPaste(text);
    timings.push([seed, ms]);
  });
}

// Screenshots of seed 003 and 004, desktop and phone width.
await step('screenshots', async () => {
  for (const prefix of ['003', '004']) {
    const seed = seeds.find((s) => s.startsWith(prefix));
    await paste(fs.readFileSync(path.join(seedsDir, seed), 'utf8'));
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: path.join(artifacts, `seed-${prefix}-desktop.png`) });
    await page.click('#findings li.finding button');
    await page.screenshot({ path: path.join(artifacts, `seed-${prefix}-desktop-finding.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(artifacts, `seed-${prefix}-phone.png`) });
    await page.screenshot({ path: path.join(artifacts, `seed-${prefix}-phone-full.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(`seed ${prefix}: no horizontal page scroll at phone width`, overflow <= 1, `${overflow}px`);
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  check('screenshots saved', fs.existsSync(path.join(artifacts, 'seed-004-phone.png')));
});

await step('keyboard moves between findings', async () => {
  await page.click('#findings li.finding[data-index="0"] button');
  await page.keyboard.press('ArrowDown');
  const sel = await page.getAttribute('#findings li.finding.selected', 'data-index');
  check('ArrowDown selects the next finding', sel === '1', sel);
  await page.keyboard.press('ArrowUp');
  check('ArrowUp goes back', (await page.getAttribute('#findings li.finding.selected', 'data-index')) === '0');
});

await step('English switch', async () => {
  await page.click('#lang');
  const v = await page.textContent('#verdict-text');
  check('verdict in English', /Needs|Publishable|Ready|Cannot/.test(v), v);
  await page.click('#lang');
  check('and back to Chinese', /需修改|可发布|无法/.test(await page.textContent('#verdict-text')));
});

await step('hostile text is shown, never run', async () => {
  const evil = '<script>window.__xss=1</script>某局2020年政府信息公开工作年度报告\n一、总体情况\n<img src=x onerror="window.__xss=2;alert(2)">\n<svg onload="window.__xss=3">\n';
  await paste(evil);
  await page.waitForTimeout(300);
  const xss = await page.evaluate(() => window.__xss);
  check('no script from the text ran', xss === undefined && dialogs === 0, String(xss));
  const title = await page.textContent('[data-meta=title]');
  check('the text is shown literally', title.includes('<script>'), title);
  check('no element was made from the text', (await page.locator('main img, main svg, main script').count()) === 0);
});

await step('a broken identity colours both sides and writes out the numbers', async () => {
  const seed = fs.readFileSync(path.join(seedsDir, seeds.find((x) => x.startsWith('004'))), 'utf8');
  // Row 1 natural 7 → 9: the balance and the row total break.
  const broken = seed.replace('一、本年新收政府信息公开申请数量\t\t7\t', '一、本年新收政府信息公开申请数量\t\t9\t');
  check('the test changed the text', broken !== seed);
  await paste(broken);
  const msg = await page.textContent('[data-part="3"] li.finding[data-rule="requests-balance"] .msg');
  check('balance finding written out with its numbers', msg.includes('自然人列：第一项加第二项（9+0=9）不等于第三项加第四项（7+0=7）'), msg);
  check('broken identities colour their cells', (await page.locator('table.grid-requests td.lhs, table.grid-requests td.rhs').count()) >= 4);
  await page.click('[data-part="3"] li.finding[data-rule="requests-balance"] button');
  check('the selected equation: left side marked', (await page.locator('table.grid-requests td.lhs').evaluateAll((els) => els.map((e) => e.dataset.cell).sort().join())) === '1/natural,2/natural');
  check('the selected equation: right side marked', (await page.locator('table.grid-requests td.rhs').evaluateAll((els) => els.map((e) => e.dataset.cell).sort().join())) === '3.7/natural,4/natural');
  check('the selected finding\'s cells are outlined', (await page.locator('table.grid-requests td.sel').count()) === 4);
});

await step('choosing and dropping files', async () => {
  const file = path.join(seedsDir, seeds[0]);
  await page.setInputFiles('#file', file);
  await page.waitForFunction((n) => document.querySelector('.stats')?.textContent.includes(n), seeds[0]);
  check('a chosen .txt file is read and checked', (await page.inputValue('#report')) === fs.readFileSync(file, 'utf8') && (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'warn');
  const before = await page.inputValue('#report');
  await page.setInputFiles('#file', { name: 'old.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
  await page.waitForSelector('.notice.error');
  check('a damaged .doc file gets a message saying to save it as .docx', (await page.textContent('.notice.error')).includes('.docx'));
  check('and the text already there is kept', (await page.inputValue('#report')) === before);
  const text = fs.readFileSync(path.join(seedsDir, seeds[2]), 'utf8');
  await page.evaluate(async ([text, name]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/plain' }));
    const zone = document.querySelector('.dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [text, seeds[2]]);
  await page.waitForFunction((n) => document.querySelector('.stats')?.textContent.includes(n), seeds[2]);
  check('a dropped file is read and checked', (await page.inputValue('#report')) === text);
});

// Reports in the forms people have them: each file chosen with #file gives the same cells and
// findings as the command line on the same file (the downloaded JSON equals the CLI's).
const fixturesDir = path.join(root, 'crates/nianbao/tests/fixtures');
const norm = (s) => s.replace(/"name":"[^"]*"/, '"name":"*"');
async function waitForRead(name) {
  await page.waitForFunction(
    (n) => document.querySelector('.stats')?.textContent.includes(n) && document.querySelector('.result-pane[aria-busy=false] [data-verdict]') && !document.querySelector('.notice:not(.error)'),
    name,
    { timeout: 30000 },
  );
}
/** Lines of a text as the engine counts them (a final line break ends the last line). */
const shownLines = (t) => t.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length;
async function gridCells(table) {
  return page.locator(`table.grid-${table} td[data-cell]`).evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.cell, [e.firstChild?.textContent ?? '', e.dataset.read]])));
}
function cellMismatches(json, shown, table) {
  let bad = [];
  for (const row of json.tables[table].rows) {
    for (const [k, c] of Object.entries(row.cells)) {
      const want = c.kind === 'blank' ? '□' : c.kind === 'ambiguous' ? '?' : c.raw;
      const got = shown[`${row.key}/${k}`];
      if (!got || got[0] !== want || got[1] !== c.read) bad.push(`${row.key}/${k}: ${got} vs ${want}/${c.read}`);
    }
  }
  return bad;
}
const formFixtures = [
  ['report_a.docx', 'docx', 'pass'],
  ['report_a_numbered.docx', 'docx', 'pass'],
  ['report_b.docx', 'docx', 'fail'],
  ['report_a.html', 'html', 'pass'],
  ['report_a_gbk.html', 'html', 'pass'],
  ['report_b.html', 'html', 'fail'],
  ['report_a_tabs_gb18030.txt', 'text', null],
  ['report_a.pdf', 'pdf', 'pass'],
  ['report_a_split.pdf', 'pdf', 'pass'],
];
const formTimings = [];
for (const [name, form, verdict] of formFixtures) {
  await step(`file ${name}`, async () => {
    const file = path.join(fixturesDir, name);
    if (!fs.existsSync(file)) throw new Error(`fixture missing: ${file}`);
    const json = JSON.parse(cliJson(file));
    // The longest main-thread task while the file is read and checked: reading runs in a worker.
    await page.evaluate(() => {
      window.__longest = 0;
      window.__obs?.disconnect();
      window.__obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__longest = Math.max(window.__longest, e.duration))));
      window.__obs.observe({ entryTypes: ['longtask'] });
    });
    const t0 = Date.now();
    await page.setInputFiles('#file', file);
    await waitForRead(name);
    const longest = await page.evaluate(() => window.__longest);
    formTimings.push(`${name} ${Date.now() - t0} ms (longest main-thread task ${Math.round(longest)} ms)`);
    if (form === 'pdf') check(`${name}: the page stays responsive while it is read (longest task ${Math.round(longest)} ms < 250 ms)`, longest < 250, String(longest));
    check(`${name}: read as ${form}`, json.input.form === form, json.input.form);
    if (verdict) check(`${name}: verdict ${verdict}`, json.verdict === verdict, json.verdict);
    check(`${name}: page verdict is the CLI's`, (await page.getAttribute('[data-verdict]', 'data-verdict')) === json.verdict);
    const shown = await page.inputValue('#report');
    check(`${name}: the text box shows the text that was read, tables as TAB rows`, shown.includes('三、收到和处理政府信息公开申请情况') && /一、本年新收政府信息公开申请数量\t/.test(shown) && shownLines(shown) === json.input.lines, `${shownLines(shown)} lines vs ${json.input.lines}`);
    for (const t of ['requests', 'appeals']) {
      const bad = cellMismatches(json, await gridCells(t), t);
      check(`${name}: every ${t} cell as the CLI read it`, bad.length === 0, bad.slice(0, 5).join('; '));
    }
    if (name === 'report_b.docx' || name === 'report_a.pdf') {
      await page.locator('[data-part="3"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, `file-${name.replace('.', '-')}.png`) });
    }
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const got = fs.readFileSync(await dl.path(), 'utf8');
    check(`${name}: downloaded JSON equals the CLI's`, norm(got) === norm(cliJson(file)), `${got.length} vs ${cliJson(file).length}`);
    const invalid = schemaErrors(got);
    check(`${name}: downloaded JSON validates against schema/result.schema.json`, invalid === '', invalid);
  });
}
console.log(`reading files in the page (choose → checklist): ${formTimings.join(', ')}`);

// The hard text forms (generated correct reports, tests/hard_fixtures.rs): column-by-column PDF
// text, a crawled one-line page, TAB rows with the group label in its own column. The page reads
// them as the command line does, accuses none of them, and marks every cell it did not simply
// read (ᵀ transposed, ˢ solved, ? guessed) with a tooltip saying how it was obtained.
const hardDir = path.join(fixturesDir, 'hard');
for (const name of fs.readdirSync(hardDir).sort()) {
  await step(`hard form ${name}`, async () => {
    const file = path.join(hardDir, name);
    const json = JSON.parse(cliJson(file));
    await page.setInputFiles('#file', file);
    await waitForRead(name);
    const verdict = await page.getAttribute('[data-verdict]', 'data-verdict');
    check(`${name}: a correct report gets no Error (${json.verdict})`, json.counts.error === 0 && verdict !== 'fail', verdict);
    check(`${name}: page verdict is the CLI's`, verdict === json.verdict, `${verdict} vs ${json.verdict}`);
    for (const t of ['requests', 'appeals']) {
      const bad = cellMismatches(json, await gridCells(t), t);
      check(`${name}: every ${t} cell as the CLI read it, with how it was read`, bad.length === 0, bad.slice(0, 5).join('; '));
    }
    for (const [read, mark, words] of [['transposed', 'ᵀ', '按列提取'], ['solved', 'ˢ', '唯一拆分']]) {
      const want = json.tables.requests.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.read === read).length;
      if (want === 0) continue;
      const shown = await page.locator(`table.grid-requests td[data-read=${read}]`).evaluateAll((els) => els.map((e) => [e.querySelector('sup.how')?.textContent, e.title]));
      check(`${name}: ${want} ${read} cells marked ${mark} with a tooltip saying how`, shown.length === want && shown.every(([m, t]) => m === mark && t.includes(words)), JSON.stringify(shown.slice(0, 2)));
    }
    if (name.startsWith('colmajor_2023')) {
      await page.locator('[data-part="3"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, `hard-${name.replace('.txt', '')}.png`) });
    }
  });
}

await step('a scanned PDF gets its message and the text stays', async () => {
  const before = await page.inputValue('#report');
  await page.setInputFiles('#file', path.join(fixturesDir, 'scanned.pdf'));
  await page.waitForSelector('.notice.error', { timeout: 30000 });
  const msg = await page.textContent('.notice.error');
  check('scanned.pdf: says it has no text layer and what to do', msg.includes('没有文字层') && msg.includes('OCR'), msg);
  check('scanned.pdf: the text already there is kept', (await page.inputValue('#report')) === before);
});

await step('pasting HTML from a web page or Word keeps the tables', async () => {
  for (const name of ['report_a_word_clipboard.html', 'report_a.html']) {
    const file = path.join(fixturesDir, name);
    if (!fs.existsSync(file)) throw new Error(`fixture missing: ${file}`);
    const html = fs.readFileSync(file, 'utf8');
    const json = JSON.parse(cliJson(file));
    await page.fill('#report', '');
    await page.evaluate((html) => {
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', 'flattened text that must not be used');
      const ta = document.querySelector('#report');
      ta.focus();
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, html);
    await waitForRead('pasted.html');
    const text = await page.inputValue('#report');
    check(`paste ${name}: the tables' text is shown, not the plain text`, !text.includes('must not be used') && text.includes('\t'));
    check(`paste ${name}: read as pasted HTML`, (await page.textContent('[data-meta=form]')).includes('粘贴'));
    check(`paste ${name}: verdict as the CLI's on the file`, (await page.getAttribute('[data-verdict]', 'data-verdict')) === json.verdict);
    for (const t of ['requests', 'appeals']) {
      const bad = cellMismatches(json, await gridCells(t), t);
      check(`paste ${name}: every ${t} cell as the CLI read the file`, bad.length === 0, bad.slice(0, 5).join('; '));
    }
  }
  // Typing into the text turns it back into plain text, still checked.
  await page.type('#report', ' ');
  await page.waitForFunction(() => document.querySelector('[data-meta=form]')?.textContent.startsWith('文本')).catch(() => {});
  const form = await page.textContent('[data-meta=form]');
  check('an edited document is checked as text', form.startsWith('文本'), form);
});

await step('text survives a reload; clear forgets it', async () => {
  const seed = fs.readFileSync(path.join(seedsDir, seeds[4]), 'utf8');
  await paste(seed);
  await page.reload();
  await page.waitForSelector('[data-verdict]');
  check('text restored after reload', (await page.inputValue('#report')) === seed);
  await page.click('#clear');
  await page.reload();
  await page.waitForSelector('#report');
  check('clear forgets the text', (await page.inputValue('#report')) === '' && (await page.locator('[data-verdict]').count()) === 0);
});

await step('sample report button', async () => {
  await page.click('#sample');
  await page.waitForSelector('[data-verdict]');
  check('sample loads and is checked', (await page.inputValue('#report')).includes('海沧区') && (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'fail');
});

await step('works offline once loaded', async () => {
  await context.setOffline(true);
  await paste(fs.readFileSync(path.join(seedsDir, seeds[0]), 'utf8'));
  check('checks with the network off', (await page.getAttribute('[data-verdict]', 'data-verdict')) === 'warn');
  await context.setOffline(false);
});

await step('a 1 MB paste', async () => {
  const seed = fs.readFileSync(path.join(seedsDir, seeds[3]), 'utf8');
  const big = seed.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(seed)));
  const t0 = Date.now();
  await page.evaluate((t) => {
    const ta = document.querySelector('#report');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await page.waitForFunction(() => document.querySelector('.result-pane[aria-busy=false] [data-verdict]') && /\d{6,}/.test(document.querySelector('.stats').textContent.replace(/\D/g, '')), null, { timeout: 30000 });
  const ms = Date.now() - t0;
  console.log(`info 1 MB paste (${Buffer.byteLength(big)} bytes) checked and shown in ${ms} ms`);
  await page.click('#lang');
  check('the page still responds after a 1 MB paste', /Needs|Publishable|Cannot|Ready/.test(await page.textContent('#verdict-text')));
  await page.click('#lang');
  await page.click('#clear');
});

check('no request to another origin', foreign.length === 0, foreign.join(' '));
check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));

for (const [seed, ms] of timings) console.log(`info paste-to-checklist ${seed}: ${ms.toFixed(1)} ms (budget 100 ms)`);
await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
