// Loads a reader module (readers/office or readers/pdf, built by scripts/build-readers.sh) the
// first time one of its files arrives, and keeps it for the next ones.
const modules = {};

function load(kind) {
  if (!modules[kind]) {
    const url = new URL(`readers/${kind}/nianbao_readers.js`, document.baseURI).href;
    modules[kind] = import(url).then(async (m) => {
      await m.default();
      return m;
    });
    // A failed load (offline, missing file) may be tried again later.
    modules[kind].catch(() => delete modules[kind]);
  }
  return modules[kind];
}

export async function read_with(kind, bytes, name) {
  const m = await load(kind);
  return m.read_file(bytes, name, undefined);
}

export async function read_pasted_html(html) {
  const m = await load("office");
  return m.read_pasted_html(html);
}
