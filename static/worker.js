// The page's Web Worker: every read and every check runs here, never on the page's main thread.
// It loads the engine module (modules/engine) when the page first needs a check, and a reader
// module (modules/office: Word, web pages, .zip; modules/pdf) when its first file arrives, and
// modules/xlsx (Excel workbooks) at the first Excel download. The
// modules keep the state (the two slots, the last result, the batch) and speak the protocol's
// types (crates/nianbao/src/protocol.rs); this file only routes. A message from the page is an
// envelope {op, seq, body, files}: `op` says where it goes (a batch, a cancel, the engine),
// `seq` which check is the newest, `files` the File objects only JavaScript can read; `body`
// (the request) and every reply pass through unread. A test (crates/nianbao-worker/tests)
// keeps it so.
import { keepSlot, keptSlots } from './keep.js';

const modules = {};
let restarts = 0;

function load(kind) {
  if (!modules[kind]) {
    // After a crash the module is imported afresh (a new instance), hence the query.
    const url = new URL(`modules/${kind}/nianbao_worker.js?r=${restarts}`, self.location.href).href;
    modules[kind] = import(url).then(async (m) => {
      await m.default();
      m.start();
      return m;
    });
    modules[kind].catch(() => delete modules[kind]);
  }
  return modules[kind];
}

const post = (m) => self.postMessage(m);
let chain = Promise.resolve();
let cancelled = false;
let dirty = false;
let scheduled = false;
let latest = 0;

self.onmessage = (e) => {
  const m = e.data;
  if (m.op === 'cancel') {
    cancelled = true;
    return;
  }
  chain = chain.then(() => handle(m)).catch(failed);
};

// Why modules trapped (a panic: the release build aborts): their panic message, else the
// error's. They are dropped, to be imported afresh.
async function crashed(err, kinds) {
  let why = String((err && err.message) || err);
  for (const kind of kinds) {
    if (!modules[kind]) continue;
    try {
      const p = (await modules[kind]).last_panic();
      if (p) why = p;
    } catch (_) {}
    delete modules[kind];
  }
  restarts++;
  return why;
}

// A module that trapped is restarted; the page hears what happened (the protocol's `failed`
// reply, written here: the engine that would write it may be the module that crashed) and
// stays usable.
async function failed(err) {
  const why = await crashed(err, Object.keys(modules));
  post(JSON.stringify({ failed: { message: why } }));
}

// A check after `delay` ms (the engine asks for a pause after a long text, so that results do
// not arrive between keystrokes).
let timer;

function scheduleCheck(seq, delay) {
  dirty = true;
  if (seq !== undefined) latest = Math.max(latest, seq);
  if (delay > 0) {
    clearTimeout(timer);
    scheduled = true;
    timer = setTimeout(run, delay);
    return;
  }
  if (scheduled) return;
  scheduled = true;
  // Messages that arrived while the last check ran are all taken in first: only the newest text
  // is checked.
  timer = setTimeout(run, 0);
}

function run() {
  scheduled = false;
  chain = chain.then(runCheck).catch(failed);
}

async function runCheck() {
  if (!dirty) return;
  dirty = false;
  const engine = await load('engine');
  post(engine.check(latest));
}

// A request for the engine. One that carries a file, or pasted HTML, is first read by the
// reader module the engine names.
async function handle(m) {
  if (m.op === 'batch') return batch(m);
  const engine = await load('engine');
  if (m.op === 'restore') return restore(engine, m);
  const bytes = m.files && m.files.length ? new Uint8Array(await m.files[0].arrayBuffer()) : undefined;
  const reader = engine.reader(m.body, bytes);
  let answer;
  if (reader) {
    const mod = await load(reader);
    const input = engine.reader_input();
    // A file request always carries its file; an empty one reads as an empty file, never a trap.
    answer = m.op === 'html' ? mod.read_pasted_html(input) : mod.read_file(bytes || new Uint8Array(), input);
  }
  const reply = engine.handle(m.body, reader ? undefined : bytes, answer);
  if (reply !== undefined) post(reply);
  // An Excel download: the engine made its CSVs, the xlsx module (loaded when first asked for)
  // makes the workbook and answers.
  const job = engine.xlsx_job();
  if (job !== undefined) post((await load('xlsx')).xlsx(job));
  const delay = engine.check_delay();
  if (delay >= 0) scheduleCheck(m.seq, delay);
  // Typing is kept once it pauses; a file, a clear or an opened report at once (after its check).
  keep(engine, engine.keep_delay());
}

// What the slots hold (the document a reader made, with its grids, and its name) is kept in
// IndexedDB (static/keep.js), so that a reload checks exactly what was checked. A browser without
// IndexedDB, or over its quota, still works: the page is told once, and a reload re-reads the
// text the page keeps.
let unsaved = 0;
let saveTimer;
let told = false;

function keep(engine, delay) {
  unsaved |= engine.kept_dirty();
  if (!unsaved) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    chain = chain.then(save).catch(failed);
  }, delay);
}

async function save() {
  const engine = await load('engine');
  const which = unsaved;
  unsaved = 0;
  for (const i of [0, 1]) {
    if (!(which & (1 << i))) continue;
    try {
      await keepSlot(i, engine.kept(i));
    } catch (err) {
      // Never leave an older document to be restored in place of what was checked.
      try {
        await keepSlot(i, '');
      } catch (_) {}
      if (!told) {
        told = true;
        post(engine.not_kept(String((err && err.message) || err)));
      }
    }
  }
}

// After a reload: both slots from what was kept, then a check.
async function restore(engine, m) {
  let slots = [undefined, undefined];
  let available = true;
  try {
    slots = await keptSlots();
  } catch (_) {
    available = false;
    told = true;
  }
  post(engine.restore(m.body, slots[0], slots[1], available));
  const delay = engine.check_delay();
  if (delay >= 0) scheduleCheck(m.seq, delay);
}

// A batch: every file read and checked in order, rows sent back in groups (at most one message
// per 100 ms), then reports paired with their agency's previous year. The engine keeps the
// files' names and the rows; this keeps what only JavaScript can read: the files (and an
// archive's entries, spliced in after it).
async function batch(m) {
  cancelled = false;
  const engine = await load('engine');
  engine.handle(m.body, undefined, undefined);
  const sources = Array.from(m.files);
  let lastPost = 0;
  let i = 0;
  for (; i < sources.length; i++) {
    if (cancelled) break;
    if (performance.now() - lastPost >= 100) {
      lastPost = performance.now();
      post(engine.batch_progress(i));
    }
    try {
      const src = sources[i];
      const bytes = src instanceof Blob ? new Uint8Array(await src.arrayBuffer()) : src || undefined;
      const kind = engine.batch_step(i, bytes);
      if (kind === 'zip') {
        const office = await load('office');
        engine.batch_unzipped(i, office.unzip(bytes));
        sources.splice(i + 1, 0, ...office.unzipped());
      } else if (kind) {
        engine.batch_answer(i, (await load(kind)).read_file(bytes || new Uint8Array(), engine.batch_name(i)));
      }
    } catch (err) {
      // A reader that crashed: this file is listed with the reason, the batch goes on.
      engine.batch_failed(i, await crashed(err, ['office', 'pdf']));
    }
    // Let a cancel message in.
    await new Promise((r) => setTimeout(r, 0));
  }
  post(engine.batch_done(cancelled, i));
}
