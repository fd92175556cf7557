// The page's batch benchmark: N mixed files (text, Word, web page, PDF; the project's fixtures
// and seeds, repeated) chosen at once; prints the time to the full roll-up, the longest
// main-thread task while it ran, and the worker's memory if the browser reports it.
//   node tests/bench-batch.mjs [N=500]      (expects dist/ built)
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { serve } from './serve-dist.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] || 500);
const fixtures = path.join(root, 'crates/nianbao/tests/fixtures');
const seeds = path.join(root, 'crates/nianbao/tests/data/seeds');
const sources = [
  ...fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => path.join(seeds, f)),
  ...['report_a.docx', 'report_b.docx', 'report_a.html', 'report_b.html', 'report_a.pdf', 'report_b.pdf', 'report_a_tabs.txt', 'report_a_tabs_gb18030.txt'].map((f) => path.join(fixtures, f)),
];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
const files = [];
for (let i = 0; i < n; i++) {
  const src = sources[i % sources.length];
  const p = path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(src)}`);
  fs.copyFileSync(src, p);
  files.push(p);
}
const server = await serve(path.join(root, 'dist'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('#report');
await page.evaluate(() => {
  window.__longest = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask' });
});
const t0 = Date.now();
await page.setInputFiles('#file', files);
await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 600000 });
const ms = Date.now() - t0;
const rows = await page.$$eval('#rollup tbody tr', (t) => t.length);
const longest = await page.evaluate(() => window.__longest);
console.log(`info page batch of ${n} mixed files: ${rows} rows, full roll-up in ${(ms / 1000).toFixed(1)} s (${(n / (ms / 1000)).toFixed(0)} files/s), longest main-thread task ${Math.round(longest)} ms`);
await browser.close();
server.close();
fs.rmSync(dir, { recursive: true, force: true });
