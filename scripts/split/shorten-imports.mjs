// shorten-imports.mjs — gives the JS functions the app's wasm imports short
// names, in the wasm and in wasm-bindgen's JS alike. wasm-bindgen names each
// `__wbg_<name>_<16 hex digits>` under the module `./<app>_bg.js`; the hex
// digits do not compress, and every name is sent twice (the wasm's import
// and the JS's key), which came to about 6 KB gzip of the first load. The
// module becomes `a`, the functions `a`, `b`, … `Z`, `aa`, ….
//
//   node shorten-imports.mjs OUT_DIR OUT_NAME    (wasm-bindgen's --out-dir, --out-name)
//
// It stops the build when the JS does not name an import exactly once, as
// an object key: wasm-bindgen's output would then have changed shape.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeLeb, readLeb, replaceSection } from './wasm-binary.mjs';

const [outDir, outName] = process.argv.slice(2);
const wasmPath = join(outDir, `${outName}_bg.wasm`);
const jsPath = join(outDir, `${outName}.js`);
const module = `./${outName}_bg.js`;
const SHORT_MODULE = 'a';
const bytes = readFileSync(wasmPath);
let script = readFileSync(jsPath, 'utf8');

const fail = (why) => {
  console.error(`shorten-imports: ${why}`);
  process.exit(2);
};
const leb = (at) => readLeb(bytes, at);
const text = (value) => {
  const utf8 = Buffer.from(value, 'utf8');
  return Buffer.concat([encodeLeb(utf8.length), utf8]);
};
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (index) => {
  let name = '';
  for (let rest = index; rest >= 0; rest = Math.floor(rest / LETTERS.length) - 1) {
    name = LETTERS[rest % LETTERS.length] + name;
  }
  return name;
};
// The end of an import's description (after its kind byte), by the kinds
// of the wasm spec: function, table, memory, global.
const skipDescription = (kind, at) => {
  const limits = (cursor) => {
    const [flags, afterFlags] = leb(cursor);
    const [, afterMin] = leb(afterFlags);
    return flags & 1 ? leb(afterMin)[1] : afterMin;
  };
  if (kind === 0) return leb(at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  return fail(`an import of kind ${kind}, which this script does not know`);
};

const IMPORT_SECTION = 2;
let renamed = 0;
const edited = replaceSection(bytes, IMPORT_SECTION, (start) => {
  let [count, cursor] = leb(start);
  const entries = [encodeLeb(count)];
  for (let index = 0; index < count; index += 1) {
    const [moduleLength, moduleStart] = leb(cursor);
    const from = bytes.toString('utf8', moduleStart, moduleStart + moduleLength);
    const [nameLength, nameStart] = leb(moduleStart + moduleLength);
    const name = bytes.toString('utf8', nameStart, nameStart + nameLength);
    const descriptionStart = nameStart + nameLength;
    cursor = skipDescription(bytes[descriptionStart], descriptionStart + 1);
    const description = bytes.subarray(descriptionStart, cursor);
    if (from !== module) {
      entries.push(text(from), text(name), description);
      continue;
    }
    if (!/^[A-Za-z_]\w*$/.test(name)) fail(`an import named ${JSON.stringify(name)}, not a plain JS name`);
    const uses = script.match(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g'))?.length ?? 0;
    const key = new RegExp(`(?<![\\w$.])${name}(?=\\s*:)`);
    if (uses !== 1 || !key.test(script)) fail(`${jsPath} names ${name} ${uses} times, not once as a key`);
    const short = shortName(renamed);
    renamed += 1;
    script = script.replace(key, short);
    entries.push(text(SHORT_MODULE), text(short), description);
  }
  return Buffer.concat(entries);
});

const moduleKey = JSON.stringify(module);
if (script.split(moduleKey).length !== 2) fail(`${jsPath} names ${moduleKey} other than once`);
if (renamed === 0) fail(`${wasmPath} imports nothing from ${module}`);
script = script.replace(moduleKey, SHORT_MODULE);
writeFileSync(wasmPath, edited);
writeFileSync(jsPath, script);
console.error(`shorten-imports: ${renamed} imports renamed`);
