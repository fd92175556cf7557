// The page's side of its Web Worker (static/worker.js): starts it, passes messages both ways,
// and collects the files of a drop (folders walked) or of a file input. The page's main thread
// never reads or checks a report.
let worker;
let handler = () => {};

function spawn() {
  worker = new Worker(new URL('worker.js', document.baseURI).href, { type: 'module' });
  worker.onmessage = (e) => handler(e.data);
  // A worker that died (it should not: modules that trap are restarted inside it) is replaced
  // at the next message; the page hears why.
  worker.onerror = (e) => {
    e.preventDefault();
    const w = worker;
    worker = undefined;
    if (w) w.terminate();
    handler({ op: 'failed', message: e.message || 'worker failed' });
  };
}

export function start(onMessage) {
  handler = onMessage;
}

export function post(msg) {
  if (!worker) spawn();
  worker.postMessage(msg);
}

// The page works offline after its first visit (static/sw.js caches its files).
export function register_offline() {
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href).catch(() => {});
  }
}

// A file of the page's own (the sample report), fetched when it is first asked for.
export async function fetch_text(url) {
  const r = await fetch(new URL(url, document.baseURI).href);
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
  return r.text();
}

// The files of a file input: {files, names}, names with the folder path when a folder was chosen.
export function input_files(input) {
  const files = Array.from(input.files || []);
  return { files, names: files.map((f) => f.webkitRelativePath || f.name) };
}

function entryFiles(entry, out) {
  return new Promise((resolve) => {
    if (entry.isFile) {
      entry.file(
        (f) => {
          out.push({ file: f, name: entry.fullPath.replace(/^\//, '') });
          resolve();
        },
        () => resolve(),
      );
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      const all = [];
      const more = () =>
        reader.readEntries(
          async (batch) => {
            if (batch.length === 0) {
              for (const e of all) await entryFiles(e, out);
              resolve();
            } else {
              all.push(...batch);
              more();
            }
          },
          () => resolve(),
        );
      more();
    } else resolve();
  });
}

// The files of a drop, folders walked: {files, names, folder}. Hidden files are skipped.
export async function dropped_files(dt) {
  const items = Array.from(dt.items || []).filter((i) => i.kind === 'file');
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => !e)) {
    const files = Array.from(dt.files || []);
    return { files, names: files.map((f) => f.name), folder: false };
  }
  const out = [];
  for (const e of entries) await entryFiles(e, out);
  const shown = out.filter((x) => !x.name.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'));
  return {
    files: shown.map((x) => x.file),
    names: shown.map((x) => x.name),
    folder: entries.some((e) => e.isDirectory),
  };
}
