// The page's Web Worker: every read and every check runs here, never on the page's main thread.
// It loads the engine module (modules/engine) when the page first needs a check, and a reader
// module (modules/office: Word, web pages, .zip; modules/pdf) when its first file arrives. The
// modules keep the state (the two slots, the last result, the batch); this file only orders the
// calls and passes JSON text through. Protocol: see src/worker.rs.
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
  chain = chain.then(() => handle(m)).catch((err) => failed(err, m));
};

// A module that trapped (a panic: the release build aborts) is dropped and imported afresh; the
// page hears what happened and stays usable.
async function failed(err, m) {
  let why = String((err && err.message) || err);
  for (const kind of Object.keys(modules)) {
    try {
      const mod = await modules[kind];
      const p = mod.last_panic();
      if (p) why = p;
    } catch (_) {}
  }
  for (const kind of Object.keys(modules)) delete modules[kind];
  restarts++;
  post({ op: 'failed', seq: m && m.seq, message: why });
}

// A long text (over 200,000 characters) is checked once typing pauses for 300 ms, so that
// results (and the page's rendering of them) do not arrive between keystrokes.
const LONG = 200000;
const PAUSE = 300;
let timer;

function scheduleCheck(seq, length = 0) {
  dirty = true;
  if (seq !== undefined) latest = Math.max(latest, seq);
  if (length > LONG) {
    clearTimeout(timer);
    scheduled = true;
    timer = setTimeout(run, PAUSE);
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
  chain = chain.then(runCheck).catch((err) => failed(err, { seq: latest }));
}

async function runCheck() {
  if (!dirty) return;
  dirty = false;
  const engine = await load('engine');
  const t0 = performance.now();
  const result = engine.check();
  const ms = performance.now() - t0;
  post({
    op: 'result',
    seq: latest,
    result,
    ms,
    current: engine.slot_info(0),
    previous: engine.slot_info(1),
  });
}

// Reads bytes with the module for their form; returns the reader's answer (JSON text), or ""
// for a text file (the engine reads it itself).
async function readAnswer(engine, bytes, name) {
  const kind = engine.sniff(bytes, name);
  if (kind === 'office' || kind === 'pdf') {
    const m = await load(kind);
    return m.read_file(bytes, name);
  }
  return engine.read_file(bytes, name);
}

async function handle(m) {
  switch (m.op) {
    case 'text': {
      const engine = await load('engine');
      engine.set_text(m.slot, m.name, m.text);
      scheduleCheck(m.seq, m.text.length);
      return;
    }
    case 'file':
    case 'html': {
      const engine = await load('engine');
      const answer =
        m.op === 'html'
          ? (await load('office')).read_pasted_html(m.html)
          : await readAnswer(engine, new Uint8Array(await m.file.arrayBuffer()), m.name);
      const err = engine.set_document(m.slot, m.name, answer);
      if (err) {
        post({ op: 'error', seq: m.seq, slot: m.slot, name: m.name, error: JSON.parse(err).error });
        return;
      }
      post({ op: 'loaded', seq: m.seq, slot: m.slot, name: m.name, text: engine.slot_text(m.slot) });
      scheduleCheck(m.seq);
      return;
    }
    case 'clear': {
      const engine = await load('engine');
      engine.clear(m.slot);
      scheduleCheck(m.seq);
      return;
    }
    case 'options': {
      const engine = await load('engine');
      engine.set_options(m.options);
      scheduleCheck(m.seq);
      return;
    }
    case 'export': {
      const engine = await load('engine');
      post({ op: 'download', id: m.id, download: engine.result_download(m.kind, m.en, m.dismissed) });
      return;
    }
    case 'batch-export': {
      const engine = await load('engine');
      post({ op: 'download', id: m.id, download: engine.batch_export(m.kind, m.dismissed) });
      return;
    }
    case 'explain': {
      const engine = await load('engine');
      post({ op: 'explain', id: m.id, page: engine.explain(m.rule) });
      return;
    }
    case 'batch':
      return batch(m);
    case 'batch-open': {
      const engine = await load('engine');
      const result = engine.batch_open(m.index);
      post({
        op: 'opened',
        seq: m.seq,
        index: m.index,
        result,
        text: engine.slot_text(0),
        current: engine.slot_info(0),
        previous: engine.slot_info(1),
      });
      return;
    }
  }
}

// A batch: every file read and checked in order, rows sent back in groups (at most one message
// per 100 ms), then reports paired with their agency's previous year.
async function batch(m) {
  cancelled = false;
  const engine = await load('engine');
  engine.batch_clear();
  const t0 = performance.now();
  // The queue: {name, file} or {name, bytes} (archive entries), or {name, error}.
  const queue = m.files.map((f, i) => ({ name: m.names[i], file: f }));
  let done = 0;
  let rows = [];
  let lastPost = 0;
  const flush = (current, force) => {
    const now = performance.now();
    if (!force && now - lastPost < 100) return;
    lastPost = now;
    post({ op: 'progress', done, total: queue.length, current, ms: now - t0, rows });
    rows = [];
  };
  for (let i = 0; i < queue.length; i++) {
    if (cancelled) break;
    const q = queue[i];
    flush(q.name, false);
    try {
      if (q.error) {
        rows.push(engine.batch_error(q.name, q.error.zh, q.error.en));
      } else {
        const bytes = q.bytes || new Uint8Array(await q.file.arrayBuffer());
        const kind = engine.sniff(bytes, q.name);
        if (kind === 'zip') {
          const entries = (await load('office')).unzip(bytes);
          if (entries.error) {
            rows.push(engine.batch_error(q.name, entries.error.zh, entries.error.en));
          } else {
            // The archive's entries take its place in the queue, in their order.
            const add = entries.map((e) => ({ name: `${q.name}/${e.name}`, bytes: e.bytes, error: e.error }));
            queue.splice(i + 1, 0, ...add);
            done++;
            continue;
          }
        } else {
          const answer = kind === 'text' ? '' : await readAnswer(engine, bytes, q.name);
          rows.push(engine.batch_add(q.name, answer, bytes));
        }
      }
    } catch (err) {
      // A reader that crashed: this file is listed with the reason, the batch goes on.
      let why = String((err && err.message) || err);
      for (const kind of ['office', 'pdf']) {
        if (!modules[kind]) continue;
        try {
          const p = (await modules[kind]).last_panic();
          if (p) why = p;
        } catch (_) {}
        delete modules[kind];
      }
      restarts++;
      rows.push(engine.batch_error(q.name, `读取时出错：${why}`, `reading failed: ${why}`));
    }
    done++;
    // Let a cancel message in.
    await new Promise((r) => setTimeout(r, 0));
  }
  let paired = [];
  if (!cancelled) paired = JSON.parse(engine.batch_pair());
  flush('', true);
  post({
    op: 'batch-done',
    cancelled,
    done,
    total: queue.length,
    ms: performance.now() - t0,
    paired: paired.map((r) => JSON.stringify(r)),
  });
}
