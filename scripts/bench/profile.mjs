// profile.mjs — where the wasm's bytes are: its functions by size, and the
// code of each crate, read from a build that keeps its function names (the
// cargo artifact before wasm-bindgen and wasm-opt, which `make dist` leaves
// in target/spa). Sizes are of that file, larger than the shipped one, but
// in the same proportions.
//
//   node profile.mjs WASM OUT_JSON
import { readFileSync, writeFileSync } from 'node:fs';

import { readLeb } from '../split/wasm-binary.mjs';

const [wasmPath, outPath] = process.argv.slice(2);
const bytes = readFileSync(wasmPath);

let at = 8; // magic and version
const leb = () => {
  const [value, next] = readLeb(bytes, at);
  at = next;
  return value;
};
const name = () => {
  const length = leb();
  const text = bytes.toString('utf8', at, at + length);
  at += length;
  return text;
};

let importedFunctions = 0;
const bodies = [];
const names = new Map();
const sections = {};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 0) {
    const custom = name();
    sections[`custom ${custom}`] = size;
    if (custom === 'name') {
      while (at < end) {
        const kind = bytes[at++];
        const length = leb();
        const next = at + length;
        if (kind === 1) {
          for (let count = leb(); count > 0; count -= 1) names.set(leb(), name());
        }
        at = next;
      }
    }
  } else {
    sections[['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'][id] ?? `section ${id}`] = size;
    if (id === 2) {
      for (let count = leb(); count > 0; count -= 1) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) {
          importedFunctions += 1;
          leb();
        } else if (kind === 1) {
          at += 1;
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else {
          at += 2;
        }
      }
    } else if (id === 10) {
      for (let count = leb(), index = 0; index < count; index += 1) {
        const length = leb();
        bodies.push(length);
        at += length;
      }
    }
  }
  at = end;
}

// The crate a Rust symbol's code belongs to: the first crate root of its
// path (v0 mangling `C…_<len><name>`, legacy `_ZN<len><name>`).
const crateOf = (symbol) => {
  const v0 = /C(?:s[0-9A-Za-z]*_)?(\d+)/g;
  let match;
  while ((match = v0.exec(symbol))) {
    const length = Number(match[1]);
    const ident = symbol.slice(v0.lastIndex, v0.lastIndex + length);
    if (/^[A-Za-z_]\w*$/.test(ident) && ident.length === length) return ident;
  }
  const legacy = /^_ZN(\d+)/.exec(symbol);
  if (legacy) return symbol.slice(legacy[0].length, legacy[0].length + Number(legacy[1]));
  return symbol.startsWith('_R') || symbol.startsWith('_Z') ? '(unknown)' : '(not Rust: glue, allocator)';
};
// A v0 symbol, shortened for reading: what look like its identifiers,
// joined (a few fragments of hashes slip in).
const readable = (symbol) => {
  if (!symbol.startsWith('_R')) return symbol;
  const idents = [];
  const pattern = /(\d+)_?/g;
  let match;
  while ((match = pattern.exec(symbol))) {
    const length = Number(match[1]);
    const ident = symbol.slice(pattern.lastIndex, pattern.lastIndex + length);
    if (length > 1 && /^[A-Za-z_]\w*$/.test(ident)) {
      idents.push(ident);
      pattern.lastIndex += length;
    }
  }
  return idents.join('::').slice(0, 160) || symbol.slice(0, 160);
};

const functions = bodies.map((size, index) => {
  const symbol = names.get(index + importedFunctions) ?? `#${index + importedFunctions}`;
  return { size, symbol, crate: crateOf(symbol) };
});
const crates = new Map();
for (const { size, crate } of functions) {
  const entry = crates.get(crate) ?? { crate, size: 0, functions: 0 };
  entry.size += size;
  entry.functions += 1;
  crates.set(crate, entry);
}
const code = bodies.reduce((sum, size) => sum + size, 0);
writeFileSync(
  outPath,
  JSON.stringify(
    {
      file: wasmPath,
      bytes: bytes.length,
      sections,
      code,
      functions: functions.length,
      named: names.size,
      crates: [...crates.values()].sort((a, b) => b.size - a.size),
      top: [...functions]
        .sort((a, b) => b.size - a.size)
        .slice(0, 25)
        .map(({ size, symbol, crate }) => ({ size, crate, name: readable(symbol) })),
    },
    null,
    1,
  ),
);
