/**
 * Turning the bytes of a single-article file into its original text: strict UTF-8,
 * one leading BOM removed, nothing else changed (CRLF stays CRLF, so offsets into
 * the text stay valid).
 */
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
