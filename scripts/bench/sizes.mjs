// sizes.mjs — the first load's bytes, raw / gzip -9 / brotli -q 11.
//
//   node sizes.mjs DIST BROWSER_JSON OUT_JSON   measure
//   node sizes.mjs --check OUT_JSON             exit 1 over the gzip budget
//
// The files are those index.html names, config.json (the app reads it at
// start), and whatever else the browser fetched from dist/ on a first load
// (browser.json's firstLoad), so neither list alone can leave one out. The
// pages' code the app fetched after Account info's first field was usable
// (fetchedAhead: the next steps', while the user is on a step) is listed
// apart, not counted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** The budget for the whole first load, in bytes of gzip. */
const GZIP_BUDGET = 250_000;

if (process.argv[2] === '--check') {
  const { totals } = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  if (totals.gzip > GZIP_BUDGET) {
    console.error(`bench: the first load is ${totals.gzip} B gzip, over the budget of ${GZIP_BUDGET} B`);
    process.exit(1);
  }
  console.error(`bench: first load ${totals.gzip} B gzip, within the budget of ${GZIP_BUDGET} B`);
  process.exit(0);
}

const [dist, browserPath, outPath] = process.argv.slice(2);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const named = [...html.matchAll(/\b(?:href|src)="([^"#?]+)/g)]
  .map((match) => match[1])
  .filter((path) => !/^[a-z]+:/i.test(path));
let observed = [];
let fetchedAhead = [];
try {
  const browser = JSON.parse(readFileSync(browserPath, 'utf8'));
  observed = browser.firstLoad ?? [];
  fetchedAhead = browser.fetchedAhead ?? [];
} catch {
  // No browser run: the static list is all there is.
}
// What the server answers a path with: the file, or index.html (the SPA
// fallback for `/` and deep links such as /customers/new/account). index.html
// names its files relative to its `<base href="/">` (`./main-….css`).
const servedFile = (path) => {
  const file = path.replace(/^(\.?\/)+/, '');
  return file && existsSync(join(dist, file)) && statSync(join(dist, file)).isFile() ? file : 'index.html';
};
const files = [...new Set(['index.html', 'config.json', ...named, ...observed].map(servedFile))].sort();

const measured = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    // GNU gzip itself: zlib's level 9 comes out about 1% larger on the wasm.
    gzip: execFileSync('gzip', ['-9n', '-c', join(dist, file)], { maxBuffer: 1 << 30 }).length,
    // brotli -q 11 with the command line's default 16 MiB window: the same
    // library as Debian's `brotli` command, within a byte or two of it.
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
    observed: [...observed, ...fetchedAhead].some((path) => servedFile(path) === file),
  };
};
const assets = files.map(measured);
const ahead = [...new Set(fetchedAhead.map(servedFile))]
  .filter((file) => !files.includes(file))
  .sort()
  .map(measured);
const sum = (key) => assets.reduce((total, asset) => total + asset[key], 0);
const totals = { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
writeFileSync(
  outPath,
  JSON.stringify({ assets, totals, ahead, budget: GZIP_BUDGET, observedByBrowser: observed.length > 0 }, null, 1),
);
