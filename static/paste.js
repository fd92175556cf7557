// The paste rule every text box follows (the page's first view, static/shell.js; the app's text
// boxes, src/main.rs through src/bridge.rs; the long-text box, static/editor.js), last year's
// box included: a table pasted from a web page, Word or WPS over the whole text (into an empty
// box, or over all of its text selected) is read as a document, which keeps its grids.
//
// `length` is the box's text length and `from`..`to` its selection (UTF-16 offsets). Returns the
// clipboard's HTML, the plain paste stopped, or null: the text is pasted as text.
export function tablePastedOverAll(e, length, from, to) {
  const html = e.clipboardData ? e.clipboardData.getData('text/html') : '';
  const whole = length === 0 || (from === 0 && to === length);
  if (!whole || !html || !html.toLowerCase().includes('<table')) return null;
  e.preventDefault();
  return html;
}

// The rule for a paste event on a <textarea>.
export function textareaPaste(e) {
  const ta = e.target;
  if (!ta || typeof ta.value !== 'string') return null;
  return tablePastedOverAll(e, ta.value.length, ta.selectionStart, ta.selectionEnd);
}
