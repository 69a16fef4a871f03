/**
 * SQLite's errors as reprint's: what a failure of the index file means to
 * its user (not our file or damaged, locked, unusable), and the waits for
 * locks SQLite's own busy handler does not cover.
 */
import type Database from 'better-sqlite3';
import { FormatError, InputError, InternalError, ReprintError } from '../errors';

/** `code` of the error a write gets when another writer holds the lock past the wait. */
export const INDEX_BUSY = 'E_INDEX_BUSY';

const SQLITE_FORMAT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB', 'SQLITE_IOERR_SHORT_READ']);

/**
 * The SQLite result code of an error (`''` for others). Duck-typed: a native
 * module's error class may come from another realm (one per test context),
 * where `instanceof Error` is false.
 */
export function sqliteCodeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : '';
}

/** An SQLite error as one of ours. */
export function translateSqliteError(file: string, error: unknown): Error {
  if (error instanceof ReprintError) return error;
  const code = sqliteCodeOf(error);
  const raw = typeof error === 'object' && error !== null && 'message' in error ? (error as { message: unknown }).message : undefined;
  const message = typeof raw === 'string' ? raw : String(error);
  if (SQLITE_FORMAT_CODES.has(code)) return new FormatError(file, `not a reprint index, or a damaged one (${message})`);
  if (code.startsWith('SQLITE_BUSY')) return new InputError(file, 'index is locked by another writer; try again later', { code: INDEX_BUSY });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return new InputError(file, `cannot use index (${message})`);
  }
  return new InternalError(`index ${file}: ${message}`, { cause: error });
}

/** Run `work`, an SQLite failure in it thrown as {@link translateSqliteError} makes it. */
export function withSqliteErrors<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error: unknown) {
    throw translateSqliteError(file, error);
  }
}

/**
 * Open a connection to `file` (`open`) and make what uses it (`setUp`),
 * SQLite failures translated; when `setUp` fails, the connection is closed
 * rather than left holding the file.
 */
export function openWithSqliteErrors<T>(file: string, open: () => Database.Database, setUp: (db: Database.Database) => T): T {
  const db = withSqliteErrors(file, open);
  try {
    return setUp(db);
  } catch (error: unknown) {
    db.close();
    throw translateSqliteError(file, error);
  }
}

/** Block this thread for `ms` milliseconds (opening an index is synchronous, as SQLite's own waits are). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Milliseconds between tries of {@link retryWhileBusy}. */
const BUSY_RETRY_MS = 20;

/**
 * Run `step` again, {@link BUSY_RETRY_MS} apart, while it fails with
 * SQLITE_BUSY, for at most `ms` milliseconds; then its error stands.
 *
 * For the steps SQLite's busy handler does not cover: two connections
 * switching a new index to WAL at once each hold a read lock and want the
 * write lock, and SQLite answers one of them SQLITE_BUSY at once rather than
 * wait for a lock that the other, itself waiting, would never give up (two
 * `index add` starting together on a new index failed this way now and
 * then). Once the other's switch is committed, the step finds the index in
 * WAL mode and has nothing to do.
 */
export function retryWhileBusy<T>(step: () => T, ms: number): T {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return step();
    } catch (error: unknown) {
      if (!sqliteCodeOf(error).startsWith('SQLITE_BUSY') || Date.now() >= until) throw error;
      sleepSync(BUSY_RETRY_MS);
    }
  }
}
