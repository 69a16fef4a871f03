/**
 * Telling text from binary data by sniffing the first bytes of a file.
 */

/** How many leading bytes are sniffed. */
export const SNIFF_BYTES = 8192;

/** Above this share of control characters (in the sniffed bytes) a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Decide whether `bytes` look binary: a NUL byte in the first 8 KiB, or more than 10%
 * control characters there (C0 controls and DEL, except tab, LF, FF and CR).
 *
 * @returns a one-line reason when the data is binary, `null` when it looks like text.
 */
export function detectBinary(bytes: Uint8Array): string | null {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i += 1) {
    const b = bytes[i] as number;
    if (b === 0) return `NUL byte at offset ${i}`;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) {
      controls += 1;
    }
  }
  if (end > 0 && controls / end > MAX_CONTROL_SHARE) {
    return `${Math.round((100 * controls) / end)}% control characters in the first ${end} bytes`;
  }
  return null;
}
