// The reader modules run here, off the page's main thread, so reading a long PDF or Word file
// never freezes the page. Loaded by src/readers.js the first time a file needs a reader module.
const modules = {};

function load(kind) {
  if (!modules[kind]) {
    const url = new URL(`readers/${kind}/nianbao_readers.js`, self.location.href).href;
    modules[kind] = import(url).then(async (m) => {
      await m.default();
      return m;
    });
    modules[kind].catch(() => delete modules[kind]);
  }
  return modules[kind];
}

self.onmessage = async (e) => {
  const { id, kind, bytes, name, html } = e.data;
  try {
    const m = await load(kind);
    const result = html !== undefined ? m.read_pasted_html(html) : m.read_file(bytes, name, undefined);
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
