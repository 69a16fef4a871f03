/**
 * The index's tables (format `reprint-index`, schema version 1).
 *
 * - `meta(key, value)`: `format`, `schemaVersion`, and `parameters` (JSON of
 *   {@link IndexParameters}).
 * - `docs`: one row per article: id, content hash, path, outlet, metadata
 *   (JSON of `ArticleMeta`), length, the text deflated, the low 16 bits of its
 *   window signatures (windows × numPerm uint16), its distinct band keys and
 *   its distinct anchor k-grams (for collection boilerplate).
 * - `bands(key, doc)`: the LSH posting list, one row per distinct 53-bit band
 *   key of a document; the primary key makes a lookup by key one B-tree seek.
 * - `pending(doc, keys)`: band keys (a JSON array) of documents written but
 *   not yet merged into `bands`. Batches append here (a few pages each);
 *   the end of a run merges everything pending into `bands` in key order in
 *   one statement (SQLite sorts and inserts; each page of `bands` is
 *   written once per run, not once per batch as random keys would make it).
 *   Lookups read `bands` and whatever is pending (nothing, but for a run
 *   that was killed before its merge; the next write run merges it).
 * - `state(name, value)`: the collection's blocked k-grams (`blocked`) and the
 *   document count they were computed at (`blockedDocs`).
 */

/** `meta.format` of a reprint index. */
export const INDEX_FORMAT = 'reprint-index';
/** `meta.schemaVersion` this build reads and writes. */
export const INDEX_SCHEMA_VERSION = 1;

/** The tables an index must have. */
export const INDEX_TABLES = ['meta', 'docs', 'bands', 'pending', 'state'] as const;

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
  keys BLOB NOT NULL,
  grams BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending (doc INTEGER PRIMARY KEY, keys TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
`;
