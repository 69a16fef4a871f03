/**
 * Stable codes of the warnings the ingest stage emits. A warning means input was
 * skipped or degraded and the scan went on; the message says which and why.
 */
export const WarningCode = {
  /** A file of 0 bytes or only whitespace, or a JSONL file with no non-blank line. */
  emptyFile: 'W_EMPTY_FILE',
  /** A NUL byte or too many control characters: not text. */
  binaryFile: 'W_BINARY_FILE',
  /** Bytes that are not UTF-8 (the message names the line). */
  invalidUtf8: 'W_INVALID_UTF8',
  /** Bytes that are not valid in the encoding a file declares: UTF-16 by its byte order mark, or an HTML page's `<meta charset>` (the message names the line). */
  invalidEncoding: 'W_INVALID_ENCODING',
  /** A single-article file, JSONL record or WARC record body over `maxFileBytes`. */
  fileTooLarge: 'W_FILE_TOO_LARGE',
  /** A file in a scanned folder whose extension reprint does not read. */
  unsupportedFile: 'W_UNSUPPORTED_FILE',
  /** A file or folder inside a scanned folder that could not be read. */
  unreadable: 'W_UNREADABLE',
  /** Two inputs gave the same id; both were renamed. */
  duplicateId: 'W_DUPLICATE_ID',
  /** A JSONL line that is not a JSON object (or a `.json` file that is not JSON, an element of its array that is not an object). */
  malformedJson: 'W_MALFORMED_JSON',
  /** A CSV or TSV row that cannot be read as a record: more cells than the header names, or a quoted cell never closed. */
  malformedRecord: 'W_MALFORMED_RECORD',
  /** A JSONL record without a usable text field. */
  noText: 'W_NO_TEXT',
  /** A JSONL record without a usable id field. */
  noId: 'W_NO_ID',
  /** A metadata value (field or manifest) that could not be used. */
  badField: 'W_BAD_FIELD',
  /** Compressed data or a WARC record that ends early (a cut-off download): what came before is kept. */
  truncated: 'W_TRUNCATED',
  /** Compressed data that is not gzip, or a WARC record that cannot be parsed: the rest of the file is skipped. */
  corruptInput: 'W_CORRUPT_INPUT',
  /** A manifest entry whose id matches no article. */
  unknownManifestId: 'W_UNKNOWN_MANIFEST_ID',
} as const;

/** One of the {@link WarningCode} values. */
export type WarningCodeValue = (typeof WarningCode)[keyof typeof WarningCode];
