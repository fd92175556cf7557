// The supervisor's journey through 雷同 between units (issue 19, item 3), in Chinese and English,
// at desktop width and at 390 px: a batch where two districts' 卫生健康局 publish 丰泽区's prose
// (one template passed around: three copies) and an unrelated unit's report. The roll-up's 雷同
// panel shows one group of three with each one's share and shared passages; a member opened shows
// its finding (text-repeated-between-units) and the passages marked; the roll-up CSV's 雷同
// column names the others; the command line finds the same group on the same files.
//
//   NIANBAO_CLI=$PWD/target/debug/nianbao node tests/journey-similar.mjs   (expects dist/ built)
//
// Screenshots: artifacts/similar.png (the panel), similar-en.png, similar-390.png,
// similar-open.png (a member opened, the passages marked).

import { serve } from './serve-dist.mjs';
import { dist, seedsDir, fixtures, artifacts, cli, check, step, finish, csvRows, launchBrowser, watchForeign } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// ---- the files ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-journey-similar-'));
const tabs = fs.readFileSync(path.join(fixtures, 'report_a_tabs.txt'), 'utf8');
const copy = (district) => tabs.replaceAll('泉州市丰泽区卫生健康局', `泉州市${district}卫生健康局`).replaceAll('丰泽区', district);
const dir = path.join(tmp, 'batch');
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, 'fengze-2022.txt'), tabs);
fs.writeFileSync(path.join(dir, 'licheng-2022.txt'), copy('鲤城区'));
fs.writeFileSync(path.join(dir, 'luojiang-2022.txt'), copy('洛江区'));
const haicang = fs.readdirSync(seedsDir).find((f) => f.startsWith('003'));
fs.copyFileSync(path.join(seedsDir, haicang), path.join(dir, 'haicang.txt'));
const files = ['fengze-2022.txt', 'licheng-2022.txt', 'luojiang-2022.txt', 'haicang.txt'];
const members = files.slice(0, 3);

// The command line on the same files.
const cliOut = (() => {
  try {
    return execFileSync(cli, ['check', '--format', 'json', dir], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    return String(e.stdout);
  }
})();
const cliBy = Object.fromEntries(cliOut.trim().split('\n').map((l) => JSON.parse(l)).map((v) => [path.basename(v.input.name), v]));

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
const panel = () =>
  page.$$eval('#similar-panel .similar-group', (gs) =>
    gs.map((g) => ({
      title: g.querySelector('h3').textContent.trim(),
      members: [...g.querySelectorAll('li.similar-member')].map((li) => ({
        file: li.querySelector('button.open').textContent.trim(),
        share: Number(li.dataset.share),
        text: li.textContent,
        passages: li.querySelectorAll('.passages li').length,
      })),
    })),
  );

await step('the 雷同 panel', async () => {
  await setLang(false);
  await page.setInputFiles('#file', files.map((f) => path.join(dir, f)));
  await page.waitForSelector('#batch-status[data-finished=true]', { timeout: 120000 });
  await page.waitForSelector('#similar-panel', { timeout: 30000 });
  const groups = await panel();
  check('panel: one group', groups.length === 1, JSON.stringify(groups));
  const g = groups[0] ?? { members: [], title: '' };
  check('panel: the group has the three copies, in batch order', JSON.stringify(g.members.map((m) => m.file)) === JSON.stringify(members), JSON.stringify(g.members.map((m) => m.file)));
  check('panel: the group says 3 份报告 and the year', g.title.includes('3份报告') && g.title.includes('2022'), g.title);
  check('panel: each member\'s share is most of its prose, shown as a percentage', g.members.every((m) => m.share > 0.8 && m.share <= 1 && /相同 \d+\.\d%/.test(m.text)), JSON.stringify(g.members));
  check('panel: each member names its agency', g.members.some((m) => m.text.includes('泉州市鲤城区卫生健康局')) && g.members.some((m) => m.text.includes('泉州市丰泽区卫生健康局')), JSON.stringify(g.members.map((m) => m.text)));
  check('panel: shared passages under each member', g.members.every((m) => m.passages > 0), JSON.stringify(g.members.map((m) => m.passages)));
  check('panel: the unrelated unit is not in it', !(await page.textContent('#similar-panel')).includes('haicang'));
  // The same group as the command line's, with the same shares.
  const cliShare = (f) => cliBy[f]?.similar?.share;
  check('command line: the same three files grouped, the same shares', g.members.every((m) => cliShare(m.file) !== undefined && Math.abs(cliShare(m.file) - m.share) < 1e-4) && !cliBy['haicang.txt']?.similar, JSON.stringify(members.map((f) => [f, cliShare(f)])));
  await page.locator('#similar-panel').scrollIntoViewIfNeeded();
  await page.locator('#similar-panel').screenshot({ path: path.join(artifacts, 'similar.png') });

  // The roll-up CSV's 雷同 column.
  const csv = csvRows((await download('#dl-summary')).text);
  const col = csv[0].indexOf('雷同');
  const cell = (f) => csv.find((r) => r[0] === f)?.[col] ?? '';
  check('roll-up CSV: a 雷同 column', col > 0, csv[0].join(','));
  check('roll-up CSV: a copy names the other two units\' files and shares', cell('licheng-2022.txt').includes('与其他单位相同') && cell('licheng-2022.txt').includes('fengze-2022.txt（泉州市丰泽区卫生健康局') && cell('licheng-2022.txt').includes('luojiang-2022.txt'), cell('licheng-2022.txt'));
  check('roll-up CSV: the unrelated unit\'s cell is empty', cell('haicang.txt') === '', cell('haicang.txt'));

  // In English.
  await setLang(true);
  const title = await page.textContent('#similar-title');
  check('panel (English): its title', title.includes('Copied between units'), title);
  const en = await panel();
  check('panel (English): the group and shares', en[0]?.title.includes('3 reports') && en[0]?.members.every((m) => /shared \d+\.\d%/.test(m.text)), JSON.stringify(en));
  const csvEn = csvRows((await download('#dl-summary')).text);
  check('roll-up CSV (English): the column', csvEn[0].includes('Copied between units'), csvEn[0].join(','));
  await page.locator('#similar-panel').scrollIntoViewIfNeeded();
  await page.locator('#similar-panel').screenshot({ path: path.join(artifacts, 'similar-en.png') });
  await setLang(false);

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const fit = await page.evaluate(() => {
    const r = document.querySelector('#similar-panel').getBoundingClientRect();
    return { right: Math.round(r.right), overflow: document.documentElement.scrollWidth - window.innerWidth };
  });
  check('panel at 390 px: it fits the screen, the page does not scroll sideways', fit.right <= 390 && fit.overflow <= 1, JSON.stringify(fit));
  await page.locator('#similar-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'similar-390.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
});

await step('a member opened', async () => {
  await page.click('#similar-panel li.similar-member:has(button.open:has-text("licheng-2022.txt")) button.open');
  await page.waitForSelector('#similar', { timeout: 60000 });
  await settled();
  const f = await page.textContent('#similar li.finding[data-rule=text-repeated-between-units]');
  check('open: the finding names the other units\' reports and the share', f.includes('fengze-2022.txt') && f.includes('luojiang-2022.txt') && f.includes('%') && f.includes('相同段落在第'), f);
  const marks = await page.$$eval('#similar mark', (ms) => ms.map((m) => m.textContent));
  check('open: the shared passages are marked in its text', marks.length > 3 && marks.some((m) => m.includes('鲤城区') || m.length > 20), JSON.stringify(marks.slice(0, 3)));
  const others = await page.textContent('#similar .similar-others');
  check('open: the others listed with agency and share', others.includes('泉州市丰泽区卫生健康局') && others.includes('%'), others);
  const all = await page.locator('.all-findings li.finding[data-rule=text-repeated-between-units]').count();
  check('open: the finding is among all findings', all === 1, String(all));
  await page.locator('#similar').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'similar-open.png') });
  await page.click('#back');
  await page.waitForSelector('#rollup');
  await page.click('#batch-close');
});

check('nothing was fetched from anywhere else', foreign.length === 0, foreign.join(' '));
check('no page errors', pageErrors.length === 0, pageErrors.join('; '));
await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
finish();
