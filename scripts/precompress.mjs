// precompress.mjs — writes a brotli (`.br`) and a gzip (`.gz`) copy beside
// each of the release build's hashed files, for a server to send by
// Accept-Encoding (`customer-api serve` does; README: Deploying the SPA
// elsewhere). Trunk runs it as a post_build hook on its staging directory.
//
//   node scripts/precompress.mjs [DIR]   DIR defaults to $TRUNK_STAGING_DIR
//
// index.html and config.json are left alone: a deployer edits them in place
// (`<base href>`, the API's address), and a stale compressed copy would be
// served instead of the edit. They are small, and never cached for long.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const EDITED_IN_PLACE = new Set(['index.html', 'config.json']);
const COMPRESSIBLE = /\.(wasm|js|css|svg|json|txt|map)$/;

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') {
  // `trunk serve` in development: nothing is served compressed.
  process.exit(0);
}
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: give the directory, or run as a Trunk hook');
  process.exit(2);
}

const walk = (path) =>
  readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

let count = 0;
for (const file of walk(dir)) {
  const name = file.slice(dir.length).replace(/^\/+/, '');
  if (EDITED_IN_PLACE.has(name) || !COMPRESSIBLE.test(name)) continue;
  const bytes = readFileSync(file);
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
  // GNU gzip, as `make bench` measures: zlib's level 9 is about 1% larger.
  writeFileSync(`${file}.gz`, execFileSync('gzip', ['-9n', '-c', file], { maxBuffer: 1 << 30 }));
  count += 1;
}
console.error(`precompress: ${count} files in ${dir}, each with .br and .gz`);
