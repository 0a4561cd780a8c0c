// wasm-binary.mjs — what the scripts that edit the app's wasm share: the
// unsigned LEB128 numbers of the wasm binary format (sizes, counts,
// indices), and a section replaced with a new body.

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

/**
 * The module `bytes` with each section of `id` replaced by what
 * `body(start, end)` makes of its contents (`bytes[start..end]`); every
 * other section as it was.
 */
export const replaceSection = (bytes, id, body) => {
  const parts = [bytes.subarray(0, 8)]; // magic and version
  let at = 8;
  while (at < bytes.length) {
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (bytes[at] === id) {
      const replaced = body(start, end);
      parts.push(Buffer.from([id]), encodeLeb(replaced.length), replaced);
    } else {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
};
