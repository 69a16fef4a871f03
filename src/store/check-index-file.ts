/**
 * A cheap look at a file given as an index before SQLite opens it, so a
 * foreign or cut-off file gets a one-line error naming it rather than an
 * SQLite message deep in a query. SQLite's header (first 100 bytes) starts
 * with "SQLite format 3\0", holds the page size at byte 16 and the page count
 * at byte 28 (valid when the counters at bytes 24 and 92 agree): a file
 * shorter than pages × page size was truncated. (With a write-ahead log
 * present, pages may legitimately still be in the log; the length is then
 * left to SQLite.)
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { FormatError, InputError } from '../errors';

const MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;

/** Throw a {@link FormatError} naming `file` unless it looks like a whole SQLite database. */
export function checkIndexFile(file: string): void {
  let size: number;
  const header = Buffer.alloc(HEADER_BYTES);
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError(file, 'not a file (an index is one SQLite file)');
    size = stat.size;
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error: unknown) {
    if (error instanceof InputError) throw error;
    const code = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'unreadable';
    throw new InputError(file, `cannot read index (${code})`, { cause: error });
  }
  if (size === 0) throw new FormatError(file, 'not a reprint index (empty file)');
  if (size < HEADER_BYTES || header.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new FormatError(file, 'not a reprint index (not an SQLite database)');
  }
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = header.readUInt32BE(28);
  const headerValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const wal = `${file}-wal`;
  const walPending = existsSync(wal) && statSync(wal).size > 0;
  if (headerValid && !walPending && pages > 0 && size < pages * pageSize) {
    throw new FormatError(file, `index file is truncated (${size} bytes; its header says ${pages * pageSize})`);
  }
}
