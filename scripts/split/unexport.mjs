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
import { encodeLeb, readLeb } from './leb128.mjs';

const UNUSED = /^(__wbindgen_describe_)?intounderlying(source|sink|bytesource)_/;

const [path] = process.argv.slice(2);
const bytes = readFileSync(path);

const leb = (at) => readLeb(bytes, at);

const parts = [bytes.subarray(0, 8)];
let dropped = 0;
let at = 8;
while (at < bytes.length) {
  const id = bytes[at];
  const [size, start] = leb(at + 1);
  const end = start + size;
  if (id !== 7) {
    parts.push(bytes.subarray(at, end));
  } else {
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
    const body = Buffer.concat([encodeLeb(kept.length), ...kept]);
    parts.push(Buffer.from([7]), encodeLeb(body.length), body);
  }
  at = end;
}
if (dropped === 0) {
  console.error('unexport: none of the unused exports found; nothing changed');
} else {
  writeFileSync(path, Buffer.concat(parts));
  console.error(`unexport: ${dropped} exports of unused classes dropped`);
}
