// minify.mjs — the release build's JavaScript and CSS, minified by esbuild
// (pinned in package-lock.json here; scripts/bootstrap.sh installs it), as a
// Trunk post_build hook after scripts/split/stage.mjs and before
// scripts/precompress.mjs. wasm-bindgen's glue, the split loader, js/crash.js
// and the style sheet are written to be read, and are on every first load;
// Trunk's own `minify` (minify-js) mangles some of them (trunk-rs/trunk#761,
// #1044). index.html's integrity attributes are recomputed for what changed.
//
//   node scripts/minify/minify.mjs     with $TRUNK_STAGING_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') {
  // `trunk serve` in development: readable files.
  process.exit(0);
}
const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('minify: run as a Trunk hook ($TRUNK_STAGING_DIR is not set)');
  process.exit(2);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('minify: esbuild is not installed in scripts/minify (scripts/bootstrap.sh installs it)');
  process.exit(2);
}

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const page = join(stage, 'index.html');
let html = readFileSync(page, 'utf8');
let before = 0;
let after = 0;
for (const name of readdirSync(stage)) {
  const loader = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
  if (!loader) continue;
  const file = join(stage, name);
  const source = readFileSync(file, 'utf8');
  // `format` left unset: modules stay modules, and crash.js a plain script.
  const { code } = esbuild.transformSync(source, { loader, minify: true, legalComments: 'none' });
  writeFileSync(file, code);
  html = html.replaceAll(integrity(source), integrity(code));
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
}
writeFileSync(page, html);
console.error(`minify: JS and CSS ${before} → ${after} B`);
