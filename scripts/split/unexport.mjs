// unexport.mjs — drops the wasm exports (and their wasm-bindgen
// descriptors) of the methods of JavaScript classes nothing in the app uses,
// so that wasm-opt then drops their code: the stream adapters of
// `wasm-streams` (`IntoUnderlyingSource`, `IntoUnderlyingSink`,
// `IntoUnderlyingByteSource`), which Leptos' server functions always bring
// in and a client-only app never makes. Without its descriptor, wasm-bindgen
// leaves a method out of the JS; each class stays, empty, with its `free`.
//
//   node unexport.mjs MAIN_WASM
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeLeb, readLeb, replaceSection } from './wasm-binary.mjs';

const UNUSED = /^(__wbindgen_describe_)?intounderlying(source|sink|bytesource)_/;

const [path] = process.argv.slice(2);
const bytes = readFileSync(path);

const leb = (at) => readLeb(bytes, at);

const EXPORT_SECTION = 7;
let dropped = 0;
const edited = replaceSection(bytes, EXPORT_SECTION, (start) => {
  let [count, cursor] = leb(start);
  const kept = [];
  for (let i = 0; i < count; i++) {
    const entryStart = cursor;
    const [length, nameStart] = leb(cursor);
    const name = bytes.toString('utf8', nameStart, nameStart + length);
    const [, next] = leb(nameStart + length + 1); // kind byte, then index
    if (UNUSED.test(name)) dropped++;
    else kept.push(bytes.subarray(entryStart, next));
    cursor = next;
  }
  return Buffer.concat([encodeLeb(kept.length), ...kept]);
});
if (dropped === 0) {
  console.error('unexport: none of the unused exports found; nothing changed');
} else {
  writeFileSync(path, edited);
  console.error(`unexport: ${dropped} exports of unused classes dropped`);
}
