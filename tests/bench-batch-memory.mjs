// The page batch's memory (issue 19, item 8): 1,000 and 5,000 files (the seeds as text under
// varied names, with Word and web-page fixtures mixed in) chosen at once; prints, for each, the
// time to the full roll-up, the page renderer's resident memory (the worker and its wasm modules
// live in it; read from /proc, Linux) before and after, per report, and the JS heap of the page.
// A fresh browser per size, so one run does not carry the other's memory.
//   node tests/bench-batch-memory.mjs [1000 5000]      (expects dist/ built)
import { serve } from './serve-dist.mjs';
import { dist, seedsDir, fixtures, launchBrowser } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
if (!sizes.length) sizes.push(1000, 5000);
const texts = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedsDir, f));
const office = ['report_a.docx', 'report_b.docx', 'report_a.html', 'report_b.html'].map((f) => path.join(fixtures, f));

/** Resident memory (MB) of this script's Chromium renderers (descendants of this process, so
 * other browsers on the machine are not counted). */
function renderers() {
  const procs = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      procs.push({ pid: Number(pid), ppid, renderer: cmd.includes('--type=renderer'), mb: m ? Number(m[1]) / 1024 : 0 });
    } catch (_) {}
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (!mine.has(p.pid) && mine.has(p.ppid)) (mine.add(p.pid), (grew = true));
  }
  return procs.filter((p) => mine.has(p.pid) && p.renderer).reduce((s, p) => s + p.mb, 0);
}

const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
for (const n of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-mem-'));
  const files = [];
  for (let i = 0; i < n; i++) {
    // One file in ten is a Word file or web page; the rest text.
    const src = i % 10 === 9 ? office[(i / 10) % office.length | 0] : texts[i % texts.length];
    const p = path.join(dir, `${String(i).padStart(5, '0')}-单位${i}-${path.basename(src)}`);
    fs.copyFileSync(src, p);
    files.push(p);
  }
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(origin + '/');
  await page.waitForSelector('#report');
  // The engine loaded (one report checked), so the baseline has the modules in it.
  await page.click('#report');
  await page.keyboard.type('x');
  await page.waitForTimeout(1500);
  const before = renderers();
  const t0 = Date.now();
  await page.setInputFiles('#file', files);
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 900000 });
  const ms = Date.now() - t0;
  const rows = await page.$eval('#rollup-title', (h) => h.textContent);
  const after = renderers();
  const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : NaN));
  console.log(
    `info page batch memory, ${n} files (${rows}): roll-up in ${(ms / 1000).toFixed(1)} s; renderers ${before.toFixed(0)} → ${after.toFixed(0)} MB ` +
      `(+${(after - before).toFixed(0)} MB, ${(((after - before) * 1024) / n).toFixed(1)} KB a report); page JS heap ${heap.toFixed(0)} MB`,
  );
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
server.close();
