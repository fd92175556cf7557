// The page before its app has loaded. index.html carries the page's first view as plain HTML
// (#shell: the header, the text box, the drop zones, the footer), so the page shows and can be
// used from a few KB. The app (the Yew page, nianbao-web: its JS and wasm) is loaded at the
// first sign of use (a focus, a click, a key, a drag, a paste, a file chosen), or at once when
// the browser keeps a report or the English setting from an earlier visit. It then takes over
// (src/shell.rs): the text typed meanwhile with its caret, the focus, last year's text, and the
// actions done meanwhile (sample, files chosen or dropped, a table pasted from a web page,
// language, clear), in order. The app's file names are written onto #shell at build time
// (scripts/shell-loader.mjs).
import { textareaPaste } from './paste.js';

const shell = document.getElementById('shell');
const queue = [];
let sink = null; // the app's handler, once it has taken over
let loading = null;

function act(a) {
  if (sink) sink(a);
  else queue.push(a);
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

// The files of a drop, folders walked: {files, names, folder}. Hidden files are skipped. Must
// be called while the drop event is handled (the browser takes the files away after it).
function droppedFiles(dt) {
  const items = Array.from(dt.items || []).filter((i) => i.kind === 'file');
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => !e)) {
    const files = Array.from(dt.files || []);
    return Promise.resolve({ files, names: files.map((f) => f.name), folder: false });
  }
  const out = [];
  return (async () => {
    for (const e of entries) await entryFiles(e, out);
    const shown = out.filter((x) => !x.name.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'));
    return {
      files: shown.map((x) => x.file),
      names: shown.map((x) => x.name),
      folder: entries.some((e) => e.isDirectory),
    };
  })();
}

function setStatus(text, busy) {
  const pane = shell && shell.querySelector('.result-pane');
  if (!pane) return;
  pane.setAttribute('aria-busy', String(busy));
  pane.querySelector('.empty p').textContent = text;
}

function load() {
  if (loading || !shell) return;
  setStatus('正在载入检查程序…', true);
  const url = (p) => new URL(p, document.baseURI).href;
  loading = import(url(shell.dataset.appJs))
    .then((m) => m.default({ module_or_path: url(shell.dataset.appWasm) }))
    .catch((e) => {
      loading = null;
      if (!shell.isConnected) return;
      setStatus('', false);
      const note = shell.querySelector('#shell-notice');
      note.hidden = false;
      note.textContent = `检查程序未能载入（${e && e.message ? e.message : e}）。请检查网络后再试一次。The page's program did not load; check the network and try again.`;
    });
}

// What the app takes over (called once, by the app, as it starts): the state of the shell's
// controls; the shell is removed. Then `listen` hands it the actions done meanwhile.
function take() {
  const ta = shell.querySelector('#report');
  const active = document.activeElement;
  const state = {
    text: ta.value,
    start: ta.selectionStart,
    end: ta.selectionEnd,
    scroll: ta.scrollTop,
    focus: active && active !== document.body && shell.contains(active) ? active.id : '',
    open: shell.querySelector('#previous-slot').open,
    previous: shell.querySelector('#previous-text').value,
  };
  shell.remove();
  return state;
}

function listen(onAction) {
  sink = onAction;
  for (const a of queue.splice(0)) sink(a);
}

window.nianbaoShell = { take, listen, droppedFiles };

if (shell) {
  const ta = shell.querySelector('#report');
  const clear = shell.querySelector('#clear');
  for (const t of ['pointerdown', 'keydown', 'focusin', 'dragenter', 'dragover', 'drop', 'paste', 'input', 'change', 'touchstart']) {
    window.addEventListener(t, load, { capture: true, passive: true });
  }
  let kept = false;
  try {
    kept = localStorage.getItem('nianbao.text') !== null || localStorage.getItem('nianbao.slots') !== null || localStorage.getItem('nianbao.lang') === '"en"';
  } catch {
    // No storage: nothing was kept.
  }
  if (kept) load();

  shell.querySelector('#sample').addEventListener('click', () => act({ kind: 'sample' }));
  shell.querySelector('#lang').addEventListener('click', () => act({ kind: 'lang' }));
  clear.addEventListener('click', () => {
    ta.value = '';
    clear.disabled = true;
    act({ kind: 'clear' });
  });
  ta.addEventListener('input', () => {
    clear.disabled = ta.value === '';
  });
  for (const [id, slot] of [['file', 0], ['folder', 0], ['previous-file', 1]]) {
    const input = shell.querySelector('#' + id);
    // Enter opens a file chooser, as Space does, in every browser, once (as the app: src/main.rs).
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.repeat) {
        e.preventDefault();
        input.click();
      }
    });
    input.addEventListener('change', () => {
      const files = Array.from(input.files || []);
      const names = files.map((f) => f.webkitRelativePath || f.name);
      act({ kind: 'files', files, names, folder: input.hasAttribute('webkitdirectory'), slot });
      input.value = '';
    });
  }
  // A table pasted over the whole text is read as a document (static/paste.js), in both boxes.
  for (const [box, slot] of [[ta, 0], [shell.querySelector('#previous-text'), 1]]) {
    box.addEventListener('paste', (e) => {
      const html = textareaPaste(e);
      if (html !== null) act({ kind: 'html', html, slot });
    });
  }
  for (const [sel, slot] of [['.input-pane > .dropzone', 0], ['#previous-slot .dropzone', 1]]) {
    const zone = shell.querySelector(sel);
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      if (slot === 0) zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      e.stopPropagation();
      zone.classList.remove('dragging');
      if (!e.dataTransfer) return;
      droppedFiles(e.dataTransfer).then((r) => act({ kind: 'files', ...r, slot }));
    });
  }
}
