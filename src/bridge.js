// The page's side of its Web Worker (static/worker.js): starts it, passes messages both ways,
// collects the files of a file input (a drop's are walked by static/shell.js), and takes over
// from the page's first view. The page's main thread never reads or checks a report.
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
    handler(JSON.stringify({ op: 'failed', message: e.message || 'worker failed' }));
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

// The files of a drop, folders walked: {files, names, folder} (static/shell.js walks them, for
// the page's first view and for the app alike).
export function dropped_files(dt) {
  return window.nianbaoShell.droppedFiles(dt);
}

// The shell's state and its actions, taken over once as the app starts (static/shell.js).
export function shell_take() {
  return window.nianbaoShell && document.getElementById('shell') ? window.nianbaoShell.take() : undefined;
}

export function shell_listen(onAction) {
  if (window.nianbaoShell) window.nianbaoShell.listen(onAction);
}

// The text box for long reports (modules/editor: CodeMirror), loaded when first needed. A
// failed load is tried again at the next long text.
let editorModule;
export async function editor_mount(parent, text, caret, label, onChange, onPasteHtml) {
  editorModule = editorModule || import(new URL('modules/editor/editor.js', document.baseURI).href);
  try {
    const m = await editorModule;
    return m.mount(parent, text, caret, label, 300, onChange, onPasteHtml);
  } catch (e) {
    editorModule = undefined;
    throw e;
  }
}

export function editor_call(handle, method, arg) {
  return handle[method](arg);
}
