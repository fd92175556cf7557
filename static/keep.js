// What the page's worker keeps between visits: each slot's kept state (a string the engine
// module writes and reads, `protocol::Kept`: the document a reader made, with its grids, and its
// name), in IndexedDB under the slot's number. Strings pass through unread. Every function
// rejects when the browser has no IndexedDB or refuses (over its quota, private mode).
let opened;

function db() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const req = indexedDB.open('nianbao', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('slots');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB blocked'));
    });
    // A failed open is tried again next time.
    opened.catch(() => {
      opened = undefined;
    });
  }
  return opened;
}

// One transaction on the store; resolves with its request's result once it is committed.
async function tx(mode, f) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction('slots', mode);
    const req = f(t.objectStore('slots'));
    t.oncomplete = () => resolve(req.result);
    t.onerror = t.onabort = () => reject(t.error || new Error('IndexedDB failed'));
  });
}

// Both slots' kept strings (undefined where nothing is kept).
export function keptSlots() {
  return Promise.all([0, 1].map((i) => tx('readonly', (s) => s.get(i))));
}

// Keeps slot i's string, or forgets the slot when the string is empty.
export function keepSlot(i, s) {
  return tx('readwrite', (store) => (s ? store.put(s, i) : store.delete(i)));
}
