/**
 * The index's tables (format `reprint-index`, schema version 2).
 *
 * - `meta(key, value)`: `format`, `schemaVersion`, and `parameters` (JSON of
 *   {@link IndexParameters}).
 * - `docs`: one row per article: id, content hash, path, outlet, metadata
 *   (JSON of `ArticleMeta`), length, the text deflated, the low 16 bits of its
 *   window signatures (windows × numPerm uint16), its number of distinct band
 *   keys and its distinct anchor k-grams (for collection boilerplate). Row
 *   numbers are never reused (AUTOINCREMENT): a removed or replaced
 *   article's posting entries name a row that no longer exists.
 * - `segments(seg, level, entries, chunks, directory)` and `chunks(id, data)`:
 *   the LSH posting list as sorted segments of (band key, doc) entries
 *   (`posting-segments.ts`); chunk `n` of segment `seg` is row
 *   `seg × 2^26 + n`, the directory is each chunk's first key (float64 LE).
 * - `state(name, value)`: the collection's blocked k-grams (`blocked`), those
 *   of them blocked for recurring across the collection with their article
 *   counts (`blockedEverywhere`), the k-grams near that bar with theirs
 *   (`blockedNear`; absent in an index made before it was kept: none), and
 *   the document count they were computed at (`blockedDocs`).
 *
 * Version 1 kept one B-tree row per (key, doc) in `bands` and the keys not
 * yet merged in `pending`; it is not read (rebuild the index).
 */

/** `meta.format` of a reprint index. */
export const INDEX_FORMAT = 'reprint-index';
/** `meta.schemaVersion` this build reads and writes. */
export const INDEX_SCHEMA_VERSION = 2;

/** The tables an index must have. */
export const INDEX_TABLES = ['meta', 'docs', 'segments', 'chunks', 'state'] as const;

/** The statements that make an empty index (idempotent). */
export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS docs (
  doc INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  path TEXT,
  outlet TEXT,
  meta TEXT NOT NULL,
  length INTEGER NOT NULL,
  text BLOB NOT NULL,
  windows INTEGER NOT NULL,
  signatures BLOB NOT NULL,
  keyCount INTEGER NOT NULL,
  grams BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS segments (
  seg INTEGER PRIMARY KEY AUTOINCREMENT,
  level INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  chunks INTEGER NOT NULL,
  directory BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
`;
