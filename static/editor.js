// The text box for a long report (over 50,000 bytes): CodeMirror, which keeps only the visible
// lines in the page, so typing stays smooth at any length. A browser's <textarea> holding a
// megabyte takes 60 ms a key in Chromium, and over a second for each Chinese character (the
// input method's commit, in Blink's editing code; it grows with the caret's offset, as if every
// line before the caret were walked). Bundled by esbuild into dist/modules/editor/editor.js (scripts/build-worker.sh) and
// loaded by the page (src/bridge.js) only when a text that long arrives.
import { EditorState, EditorSelection } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, drawSelection, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { tablePastedOverAll } from './paste.js';

// Lines longer than this are not wrapped: CodeMirror then draws only their visible part.
const WRAP_MAX = 10000;

function longestLine(text) {
  let longest = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const len = (end < 0 ? text.length : end) - start;
    if (len > longest) longest = len;
    if (end < 0 || longest > WRAP_MAX) return longest;
    start = end + 1;
  }
}

// Draws the editor into `parent` holding `text`, the caret at `caret` (UTF-16 offset; end of the
// text when out of range). `onChange(text)` is called once typing pauses for `wait` ms;
// `onPasteHtml(html)` when a web page's or Word's table is pasted over the whole text (the one
// paste rule, static/paste.js).
// Returns the handle the page keeps: text(), setText(t), selectLine(n), focus(), destroy().
export function mount(parent, text, caret, label, wait, onChange, onPasteHtml) {
  let timer = 0;
  let quiet = false; // a change made by setText is not the user's
  const at = caret >= 0 && caret <= text.length ? caret : text.length;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      selection: EditorSelection.cursor(at),
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        longestLine(text) > WRAP_MAX ? [] : EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', id: 'report-text' }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged || quiet) return;
          clearTimeout(timer);
          timer = setTimeout(() => onChange(view.state.doc.toString()), wait);
        }),
        EditorView.domEventHandlers({
          paste(e, v) {
            const sel = v.state.selection.main;
            const html = tablePastedOverAll(e, v.state.doc.length, sel.from, sel.to);
            if (html === null) return false;
            onPasteHtml(html);
            return true;
          },
        }),
      ],
    }),
  });
  view.scrollDOM.scrollTop = 0;
  view.dispatch({ effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  const handle = {
    text: () => view.state.doc.toString(),
    setText(t) {
      if (t === view.state.doc.toString()) return;
      clearTimeout(timer);
      quiet = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
      quiet = false;
    },
    // Selects line `n` (1-based) and scrolls it into the middle of the box.
    selectLine(n) {
      const doc = view.state.doc;
      if (n < 1 || n > doc.lines) return;
      const line = doc.line(n);
      view.dispatch({
        selection: EditorSelection.range(line.from, line.to),
        effects: EditorView.scrollIntoView(line.from, { y: 'center' }),
      });
    },
    focus: () => view.focus(),
    hasFocus: () => view.hasFocus,
    destroy() {
      clearTimeout(timer);
      view.destroy();
    },
  };
  parent.nianbaoEditor = handle;
  return handle;
}
