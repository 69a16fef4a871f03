/**
 * Turning the bytes of a single-article file into its original text: strict UTF-8,
 * one leading BOM removed, nothing else changed (CRLF stays CRLF, so offsets into
 * the text stay valid). A file may also say it is in another encoding
 * ({@link decodeFileText}): UTF-16 by its byte order mark, an HTML page by its
 * `<meta charset>`.
 */
import { TextDecoder } from 'node:util';
import { declaredEncoding } from './declared-encoding';
import { detectBinary } from './detect-binary';
import { findInvalidUtf8, getLineAtByte } from './find-invalid-utf8';
import { WarningCode, type WarningCodeValue } from './warning-codes';

/** The outcome of {@link decodeText}: the text, or why the file was skipped. */
export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: WarningCodeValue; readonly message: string };

const BOM = 0xfeff;

/**
 * Decode `bytes` as strict UTF-8 and check that they hold some text.
 *
 * Checks, in order: 0 bytes (`empty file`), binary data (`binary file`), UTF-16 byte
 * order mark, invalid UTF-8 (the message names the 1-based line of the first bad
 * byte), only whitespace (`empty file`).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return skip(WarningCode.emptyFile, 'empty file (0 bytes)');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return skip(WarningCode.invalidUtf8, 'UTF-16 text (byte order mark); only UTF-8 is read');
  }
  const binary = detectBinary(bytes);
  if (binary !== null) return skip(WarningCode.binaryFile, `binary file (${binary})`);
  let text: string;
  try {
    // ignoreBOM: true keeps a BOM in the output, so that exactly one is removed below.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return skip(WarningCode.invalidUtf8, describeInvalidUtf8(bytes));
  }
  if (text.charCodeAt(0) === BOM) text = text.slice(1);
  if (text.trim() === '') return skip(WarningCode.emptyFile, 'empty file (only whitespace)');
  return { ok: true, text };
}

/**
 * {@link decodeText} for a file read from disk, which may say it is in
 * another encoding: UTF-16 (little or big endian) by a byte order mark, and,
 * for an HTML page (`html`), the charset of its `<meta>` (windows-1251,
 * Shift_JIS, GBK, ISO-8859-x…: every encoding `TextDecoder` knows). Decoding is
 * strict either way: a byte sequence invalid in the encoding skips the file,
 * the message naming the encoding and the line.
 */
export function decodeFileText(bytes: Uint8Array, html: boolean): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return decodeStrictly(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', 'UTF-16 (by its byte order mark)');
  }
  const declared = html ? declaredEncoding(bytes, null, true) : null;
  // A page cannot declare UTF-16 in ASCII bytes of its own: such a declaration is UTF-8's (as browsers read it).
  if (declared === null || declared === 'utf-8' || declared.startsWith('utf-16')) return decodeText(bytes);
  const binary = detectBinary(bytes);
  if (binary !== null) return skip(WarningCode.binaryFile, `binary file (${binary})`);
  return decodeStrictly(bytes, declared, `${declared} (as its <meta charset> declares)`);
}

/** `bytes` in `encoding` (a leading byte order mark dropped), or why not. */
function decodeStrictly(bytes: Uint8Array, encoding: string, described: string): DecodedText {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes, encoding);
    return skip(WarningCode.invalidEncoding, `not valid ${described}: line ${getLineAtByte(bytes, offset)}, byte offset ${offset}`);
  }
  if (text.trim() === '') return skip(WarningCode.emptyFile, 'empty file (only whitespace)');
  return { ok: true, text };
}

/**
 * Offset of the byte at which decoding `bytes` in `encoding` first fails (in
 * a broken multi-byte sequence, the byte that breaks it): the end of the
 * shortest failing prefix, found by halving (a prefix of a valid prefix is
 * valid; an unfinished sequence at a prefix's end is not yet a failure).
 */
function firstInvalidByte(bytes: Uint8Array, encoding: string): number {
  const fails = (length: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return Math.min(lo, bytes.length - 1);
}

/** A one-line message naming the line and value of the first invalid UTF-8 byte. */
export function describeInvalidUtf8(bytes: Uint8Array): string {
  const offset = findInvalidUtf8(bytes);
  if (offset < 0) return 'invalid UTF-8';
  const byte = (bytes[offset] as number).toString(16).toUpperCase().padStart(2, '0');
  return `invalid UTF-8 at line ${getLineAtByte(bytes, offset)} (byte 0x${byte} at offset ${offset})`;
}

function skip(code: WarningCodeValue, message: string): DecodedText {
  return { ok: false, code, message };
}
