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

const UNUSED = /^(__wbindgen_describe_)?intounderlying(source|sink|bytesource)_/;

const [path] = process.argv.slice(2);
const bytes = readFileSync(path);

const leb = (at) => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
};
const encode = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};

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
    const body = Buffer.concat([encode(kept.length), ...kept]);
    parts.push(Buffer.from([7]), encode(body.length), body);
  }
  at = end;
}
if (dropped === 0) {
  console.error('unexport: none of the unused exports found; nothing changed');
} else {
  writeFileSync(path, Buffer.concat(parts));
  console.error(`unexport: ${dropped} exports of unused classes dropped`);
}
