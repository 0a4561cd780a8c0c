// stage.mjs — puts the pieces scripts/split/wasm-bindgen split off the app's
// wasm into Trunk's staging directory, as a post_build hook: each piece
// optimised like the main file (wasm-opt -Oz) and named by its content's
// hash, so that caches keep it for a year; `__wasm_split.js`, which loads
// them, pointed at the hashed names and at the app's hashed JS, and made to
// ask for a page's pieces one task at a time. It keeps its own name (the
// app's JS imports it by that name), so it is asked for again on every load,
// like index.html.
//
//   node scripts/split/stage.mjs     with $WASM_SPLIT_DIR and $TRUNK_STAGING_DIR
//
// Without $WASM_SPLIT_DIR (a build that was not split) it does nothing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const splitDir = process.env.WASM_SPLIT_DIR;
const stage = process.env.TRUNK_STAGING_DIR;
const loader = '__wasm_split.js';
if (!splitDir || !existsSync(join(splitDir, loader))) process.exit(0);
if (!stage) {
  console.error('split: run as a Trunk hook ($TRUNK_STAGING_DIR is not set)');
  process.exit(2);
}

const appScript = readdirSync(stage).find((name) => /^customer-wizard-[0-9a-f]+\.js$/.test(name));
if (!appScript) {
  console.error(`split: no customer-wizard-<hash>.js in ${stage}`);
  process.exit(2);
}

let script = readFileSync(join(splitDir, loader), 'utf8');
/** Replaces the `from` in `script` by `to`; the build stops if there is none. */
const rewrite = (from, to, what) => {
  if (!script.includes(from)) {
    console.error(`split: ${loader} does not ${what}; has wasm_split_cli changed?`);
    process.exit(2);
  }
  script = script.replace(from, to);
};
rewrite('"./main.js"', JSON.stringify(`./${appScript}`), 'import "./main.js"');
// A page's file and the 20-odd pieces it shares with other pages were all
// asked for in one task: the fetch() calls alone held the page's thread for
// tens of milliseconds when Account info fetches the next step's code while
// idle, and a key typed then waited for them. The page's own file (the
// largest) is asked for first, then each piece in a task of its own.
rewrite(
  `        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
`,
  `        const instantiate = fetcher();
        const parallelStuff = [];
        for (const dep of deps) {
            await new Promise((resolve) => {
                const channel = new MessageChannel();
                channel.port1.onmessage = resolve;
                channel.port2.postMessage(null);
            });
            parallelStuff.push(dep());
        }
`,
  "ask for a page's pieces in makeLoad",
);

const pieces = readdirSync(splitDir).filter((name) => name.endsWith('.wasm') && name !== 'main.wasm');
for (const piece of pieces) {
  const optimised = join(splitDir, `${piece}.opt`);
  execFileSync('wasm-opt', ['-Oz', join(splitDir, piece), '-o', optimised], { stdio: 'inherit' });
  const bytes = readFileSync(optimised);
  // 10 hex digits, not Trunk's 16: `__wasm_split.js`, part of every first
  // load, names all 66-odd pieces, and the digits do not compress (256 B of
  // gzip). 40 bits still keep two versions of a piece from sharing a name.
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const hashed = piece.replace(/\.wasm$/, `-${hash}.wasm`);
  writeFileSync(join(stage, hashed), bytes);
  const reference = JSON.stringify(`./${piece}`);
  if (!script.includes(reference)) {
    console.error(`split: ${loader} does not name ${piece}`);
    process.exit(2);
  }
  script = script.replaceAll(reference, JSON.stringify(`./${hashed}`));
}
writeFileSync(join(stage, loader), script);

// The app's JS imports the loader, so the browser would ask for it only once
// it has that JS: named in index.html, it is fetched alongside.
const page = join(stage, 'index.html');
const html = readFileSync(page, 'utf8');
if (!html.includes('</head>')) {
  console.error(`split: no </head> in ${page}`);
  process.exit(2);
}
writeFileSync(
  page,
  html.replace('</head>', `<link rel="modulepreload" href="./${loader}" crossorigin="anonymous"></head>`),
);
console.error(`split: ${pieces.length} pieces and ${loader} in ${stage}`);
