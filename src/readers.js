// Sends a file (or pasted HTML) to the reader worker (static/reader-worker.js), which loads the
// reader module of its kind (readers/office or readers/pdf, built by scripts/build-readers.sh)
// the first time one of its files arrives. The page's main thread never runs a reader.
let worker;
let next = 0;
const pending = new Map();

function failAll(why) {
  for (const p of pending.values()) p.reject(why);
  pending.clear();
  worker = undefined;
}

function getWorker() {
  if (!worker) {
    worker = new Worker(new URL('reader-worker.js', document.baseURI).href, { type: 'module' });
    worker.onmessage = (e) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.error !== undefined) p.reject(e.data.error);
      else p.resolve(e.data.result);
    };
    // A reader that crashed takes only its worker down; the next file starts a new one.
    worker.onerror = (e) => {
      e.preventDefault();
      const w = worker;
      failAll(e.message || 'reader failed');
      if (w) w.terminate();
    };
  }
  return worker;
}

function call(msg, transfer) {
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, ...msg }, transfer || []);
  });
}

export function read_with(kind, bytes, name) {
  return call({ kind, bytes, name }, [bytes.buffer]);
}

export function read_pasted_html(html) {
  return call({ kind: 'office', html });
}

// A file of the page's own (the sample report), fetched when it is first asked for.
export async function fetch_text(url) {
  const r = await fetch(new URL(url, document.baseURI).href);
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
  return r.text();
}
