// leb128.mjs — the unsigned LEB128 numbers of the wasm binary format (sizes,
// counts, indices), for the scripts that edit the app's wasm.

/** The number at `at` in `bytes`, and where the next field starts. */
export const readLeb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
};

/** `value` as the bytes of an unsigned LEB128 number. */
export const encodeLeb = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};
