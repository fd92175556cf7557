// What the browser tests share: the project's paths, the checks' tally, the command line, CSV.
//
//   import { check, step, finish, cliRun, csvRows, root, dist, fixtures } from './lib.mjs';
//
// `check` prints one line per check; `finish()` prints "N passed, N failed" and exits 1 on
// any failure.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dist = path.join(root, 'dist');
export const seedsDir = path.join(root, 'crates/nianbao/tests/data/seeds');
export const fixtures = path.join(root, 'crates/nianbao/tests/fixtures');
export const artifacts = path.join(root, 'artifacts');
export const cli = process.env.NIANBAO_CLI || path.join(root, 'target/debug/nianbao');
fs.mkdirSync(artifacts, { recursive: true });

export let passed = 0;
export let failed = 0;

/** One check: "ok   name" or "FAIL name: detail". */
export function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ': ' + String(detail).slice(0, 2000) : ''}`);
  }
}

/** Runs a group of checks; an exception is a failed check, and the test goes on. */
export async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, e.stack || String(e));
  }
}

/** The tally, and the exit status. */
export function finish() {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

/** The command line's output (its exit status is 1 when a report has errors). */
export function cliRun(args) {
  try {
    return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    return e.stdout; // exit status 1 or 2: a report has errors, a file could not be read
  }
}

/** CSV text → rows of fields (quotes handled, CRLF rows, BOM dropped). */
export function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let q = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (q) {
      if (c === '"' && t[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && t[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Headless Chromium as the tests run it (Debian's; never a downloaded browser). */
export async function launchBrowser() {
  const { chromium } = await import('../tools/node_modules/playwright-core/index.mjs');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Every request a context makes outside `origin` (the page must never send anything). */
export function watchForeign(context, origin) {
  const foreign = [];
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return foreign;
}
