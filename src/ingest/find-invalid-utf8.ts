/**
 * Locating the first byte that breaks UTF-8 (RFC 3629): overlong forms, surrogates,
 * code points above U+10FFFF, stray continuation bytes and truncated sequences.
 */

/**
 * Find the offset of the first invalid UTF-8 sequence in `bytes`.
 *
 * @returns the offset of the lead byte of the first bad sequence (or of the stray
 *   byte), or `-1` when `bytes` is valid UTF-8.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) secondMin = 0xa0; // overlong
      if (lead === 0xed) secondMax = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) secondMin = 0x90; // overlong
      if (lead === 0xf4) secondMax = 0x8f; // above U+10FFFF
    } else {
      return i;
    }
    if (i + need >= n) return i; // truncated at the end
    const second = bytes[i + 1] as number;
    if (second < secondMin || second > secondMax) return i;
    for (let k = 2; k <= need; k += 1) {
      const b = bytes[i + k] as number;
      if (b < 0x80 || b > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The 1-based line (counting `\n`) on which byte `offset` of `bytes` lies. */
export function getLineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
