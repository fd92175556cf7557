// Makes the built index.html load the app when it is first used (run by scripts/build-worker.sh,
// Trunk's post_build hook). Trunk writes a script that loads the app's JS and wasm at once, and
// preloads them; this takes both out and writes the app's file names onto #shell instead, where
// static/shell.js finds them when the user first acts. Fails loudly if Trunk's output changes.
//
//   node scripts/shell-loader.mjs dist/index.html
import fs from 'node:fs';

const file = process.argv[2];
let html = fs.readFileSync(file, 'utf8');
const loader = html.match(
  /<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/,
);
if (!loader) {
  if (/data-app-js="[^"]+"/.test(html)) process.exit(0); // already done
  console.error(`shell-loader: Trunk's loader script not found in ${file}`);
  process.exit(1);
}
const [, js, wasm] = loader;
const before = html.length;
html = html
  .replace(loader[0], '')
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/g, '')
  .replace('data-app-js=""', `data-app-js="${js}"`)
  .replace('data-app-wasm=""', `data-app-wasm="${wasm}"`);
if (!html.includes(`data-app-js="${js}"`) || !html.includes(`data-app-wasm="${wasm}"`)) {
  console.error(`shell-loader: no #shell with data-app-js and data-app-wasm in ${file}`);
  process.exit(1);
}
fs.writeFileSync(file, html);
console.log(`shell-loader: the app (${js}, ${wasm}) loads on first use (${before - html.length} bytes of loader taken out)`);
