/**
 * The persistent index: one SQLite file (better-sqlite3, write-ahead log).
 * Writers take the write lock per batch (`BEGIN IMMEDIATE`), so a killed
 * writer loses only its open batch and readers never wait for writers. A
 * batch's rows and its posting segment are one transaction
 * (`posting-segments.ts`), so every committed article can be found. A
 * second writer waits for the lock (up to {@link WRITE_WAIT_MS}) and is told
 * through `onWait`. Every SQLite failure that means "not our file" or
 * "damaged" becomes a one-line {@link FormatError} naming the file.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { FormatError, InputError, InternalError } from '../errors';
import type { Article, ArticleMeta, StoredArticle } from '../model';
import type { BlockedGrams } from '../text';
import { decodeText, decodeUint16, decodeUint32, encodeArray } from './blob-codec';
import { checkIndexFile } from './check-index-file';
import { Checkpointer } from './checkpointer';
import type { IndexParameters } from './index-parameters';
import { CREATE_SCHEMA, INDEX_FORMAT, INDEX_SCHEMA_VERSION, INDEX_TABLES } from './index-schema';
import { keepDocuments, sortBatchPostings, type SortedBatch, type SortedEntries } from './posting-chunks';
import { MERGE_FANIN, PostingSegments, type BucketLookup, type MergeSource } from './posting-segments';
import { INDEX_BUSY, openWithSqliteErrors, retryWhileBusy, sleepSync, sqliteCodeOf, translateSqliteError, withSqliteErrors } from './sqlite-errors';

export { INDEX_BUSY };

/** How long a writer waits for another writer's batch before giving up. */
export const WRITE_WAIT_MS = 60_000;
/** How long a reader waits on the rare lock a reader can meet (log recovery). */
const READ_WAIT_MS = 5_000;
/** SQLite's own checkpoint threshold (its default), in log pages. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;

/** One article ready to be stored, but for its band keys: what the pipeline computed for it. */
export interface IndexRow {
  /** Its id, path and metadata, and its text or where the text is: only the text's length is read (the text stored is `storedText`). */
  readonly article: Article | StoredArticle;
  /** Content hash (text and metadata); the same id with the same hash is not stored again. */
  readonly hash: string;
  /** Low 16 bits of the window signatures, windows × numPerm. */
  readonly signatures: Uint16Array;
  /** The text as stored (`encodeText`). */
  readonly storedText: Buffer;
  /** Distinct anchor k-gram hashes, sorted. */
  readonly grams: Uint32Array;
}

/** One article ready to be stored, its band keys with it. */
export interface IndexEntry extends IndexRow {
  /** 53-bit band keys of the windows (any order; repeats are stored once). */
  readonly keys: Float64Array;
}

/** What one write did. */
export interface WriteCounts {
  added: number;
  replaced: number;
  unchanged: number;
}

/** An archived article as check reads it. */
export interface StoredDocument {
  /** Row number in the index (changes when the article is replaced). */
  readonly doc: number;
  readonly article: Article;
  /** Low 16 bits of the window signatures, windows × numPerm. */
  readonly signatures: Uint16Array;
}

/** Figures of an index. */
export interface IndexStats {
  readonly documents: number;
  readonly windows: number;
  readonly bandKeys: number;
  readonly characters: number;
  readonly textBytes: number;
  /** File, write-ahead log and shared-memory file. */
  readonly bytesOnDisk: number;
  readonly blockedGrams: number;
  readonly blockedAtDocuments: number;
}

/** How to open an index. */
export interface OpenIndexOptions {
  /** Create the index with these parameters when the file does not exist (or is empty); without it a missing file is an error. */
  readonly create?: () => IndexParameters;
  /** Told once per wait when another process holds the write lock. */
  readonly onWait?: (file: string) => void;
  /**
   * How long a write waits for another writer's lock, in milliseconds; the
   * wait blocks the thread (SQLite's busy handler), so a server passes 0 and
   * retries on {@link INDEX_BUSY} itself. @default WRITE_WAIT_MS
   */
  readonly writeWaitMs?: number;
}

/** Open (or create) the index in `file`. @throws FormatError, InputError, ParameterMismatchError (via the caller). */
export function openIndexStore(file: string, options: OpenIndexOptions = {}): IndexStore {
  const exists = existsSync(file);
  if (!exists && options.create === undefined) throw new InputError(file, 'no such index (create one with: reprint index add INPUTS --index FILE)');
  // An empty file, in create mode, may be another writer's index in the making (or a file made for us): it becomes the index.
  if (exists && !(options.create !== undefined && statSync(file).size === 0)) {
    if (options.create === undefined) checkIndexFile(file);
    else checkIndexFileSettling(file);
  }
  return openWithSqliteErrors(
    file,
    () => new Database(file, { timeout: READ_WAIT_MS }),
    (db) => new IndexStore(file, db, options.create ?? null, options.onWait, options.writeWaitMs ?? WRITE_WAIT_MS),
  );
}

/** Checks of a file another writer may be creating, and the milliseconds between them (about two seconds in all). */
const SETTLE_CHECKS = 40;
const SETTLE_MS = 50;

/**
 * {@link checkIndexFile} for a writer that would create the index: another
 * writer may be creating the file at this moment (two `index add` at once),
 * and until its first commit the file can be too short to be SQLite, or its
 * header can count pages not yet written. A file that fails the check is
 * checked again, {@link SETTLE_MS} apart, before the error stands.
 */
function checkIndexFileSettling(file: string): void {
  for (let checks = 1; ; checks++) {
    try {
      checkIndexFile(file);
      return;
    } catch (error: unknown) {
      if (!(error instanceof FormatError) || checks >= SETTLE_CHECKS) throw error;
      sleepSync(SETTLE_MS);
    }
  }
}

/** The open index. Not safe to share between threads; one per connection. */
export class IndexStore {
  /** Parameters recorded in the index. */
  readonly parameters: Readonly<Record<string, unknown>>;
  private readonly numPerm: number;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly segments: PostingSegments;
  /** The process folding the log into the file while {@link checkpointingElsewhere} runs, else null. */
  private checkpointer: Checkpointer | null = null;

  constructor(
    readonly file: string,
    private readonly db: Database.Database,
    create: (() => IndexParameters) | null,
    private readonly onWait?: (file: string) => void,
    private readonly writeWaitMs: number = WRITE_WAIT_MS,
  ) {
    retryWhileBusy(() => db.pragma('journal_mode = WAL'), READ_WAIT_MS);
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -131072');
    // A database without tables is new (ours, or a concurrent writer's still being made); one with other tables is foreign.
    if (create !== null && db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get() === undefined) this.initialise(create());
    this.parameters = this.readParameters();
    this.numPerm = Number(this.parameters['numPerm']);
    this.statements = prepareStatements(db);
    this.segments = new PostingSegments(db);
  }

  private initialise(parameters: IndexParameters): void {
    this.inWriteLock(() => {
      this.db.exec(CREATE_SCHEMA);
      const put = this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
      put.run('format', INDEX_FORMAT);
      put.run('schemaVersion', String(INDEX_SCHEMA_VERSION));
      put.run('parameters', JSON.stringify(parameters));
    });
  }

  private readParameters(): Record<string, unknown> {
    const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
    if (!hasMeta) throw new FormatError(this.file, 'not a reprint index (an SQLite database without its tables)');
    const get = (key: string): string | undefined => (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    if (get('format') !== INDEX_FORMAT) throw new FormatError(this.file, 'not a reprint index (no reprint-index format mark)');
    const version = get('schemaVersion');
    if (version !== String(INDEX_SCHEMA_VERSION)) {
      throw new FormatError(
        this.file,
        `index schema version ${String(version)}; this reprint reads version ${INDEX_SCHEMA_VERSION}: rebuild the index (reprint index add INPUTS --index NEW_FILE)`,
      );
    }
    const tables = new Set((this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = INDEX_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new FormatError(this.file, `damaged index: no table ${missing.join(', ')}; build a new index`);
    try {
      return JSON.parse(get('parameters') ?? 'null') as Record<string, unknown>;
    } catch {
      throw new FormatError(this.file, 'index parameters are not readable JSON');
    }
  }

  /** Run `work` holding the write lock, in one transaction: all of it is committed, or none. */
  private inWriteLock<T>(work: () => T): T {
    this.beginWrite();
    try {
      const result = work();
      this.commit();
      return result;
    } catch (error: unknown) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** {@link inWriteLock} for work that waits on other threads: nothing else may use this connection meanwhile. */
  private async inWriteLockAsync<T>(work: () => Promise<T>): Promise<T> {
    this.beginWrite();
    try {
      const result = await work();
      this.commit();
      return result;
    } catch (error: unknown) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Commit the open transaction, and tell the checkpoint process, if one runs. */
  private commit(): void {
    this.db.exec('COMMIT');
    this.checkpointer?.committed();
  }

  /** Take the write lock and open a transaction, waiting for another writer (and saying so through `onWait`). */
  private beginWrite(): void {
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error: unknown) {
      if (!sqliteCodeOf(error).startsWith('SQLITE_BUSY')) throw error;
      this.onWait?.(this.file);
      this.db.pragma(`busy_timeout = ${this.writeWaitMs}`);
      this.db.exec('BEGIN IMMEDIATE');
    } finally {
      this.db.pragma(`busy_timeout = ${READ_WAIT_MS}`);
    }
  }

  /** Run a store operation, SQLite failures translated. */
  private guard<T>(work: () => T): T {
    return withSqliteErrors(this.file, work);
  }

  /** The stored content hash of `id`, or `null` when the index has no such article. */
  hashOf(id: string): string | null {
    return this.guard(() => (this.statements.hashOf.get(id) as { hash: string } | undefined)?.hash ?? null);
  }

  /**
   * Store a batch in one transaction: an id not in the index is added; the
   * same id with the same hash is left alone; with another hash, the old
   * version is deleted and the new one added. The batch's band keys become
   * one posting segment; full levels of segments are merged in the same
   * transaction.
   */
  write(entries: readonly IndexEntry[]): WriteCounts {
    return this.writeSorted(entries, sortBatchPostings(entries.map((e) => e.keys)));
  }

  /**
   * {@link write}, the batch's band keys given already sorted: `postings`'
   * entries name positions in `rows` (as `sortBatchPostings` makes them, on
   * a worker thread), and `postings.distinct[p]` is position `p`'s number of
   * distinct keys. The entries are rewritten in place. Segments are merged
   * when a level has `fanIn` of them (`BULK_MERGE_FANIN`, never, for a run
   * that settles at its end).
   */
  writeSorted(rows: readonly IndexRow[], postings: SortedBatch, fanIn = MERGE_FANIN): WriteCounts {
    if (postings.distinct.length !== rows.length) throw new InternalError(`index: postings of ${postings.distinct.length} documents for a batch of ${rows.length}`);
    const counts: WriteCounts = { added: 0, replaced: 0, unchanged: 0 };
    const s = this.statements;
    this.guard(() =>
      this.inWriteLock(() => {
        // Row number by position; 0 for a position not stored (unchanged, or named again later in the batch).
        const stored = new Float64Array(rows.length);
        for (const p of lastPerId(rows)) {
          const e = rows[p]!;
          const old = s.existing.get(e.article.id) as { doc: number; hash: string } | undefined;
          if (old !== undefined && old.hash === e.hash) {
            counts.unchanged++;
            continue;
          }
          if (old !== undefined) {
            s.deleteDoc.run(old.doc);
            counts.replaced++;
          } else counts.added++;
          if (e.signatures.length % this.numPerm !== 0) throw new InternalError(`index: signatures of ${e.article.id} are not whole windows`);
          const { lastInsertRowid } = s.insertDoc.run(
            e.article.id,
            e.hash,
            e.article.path,
            e.article.meta.outlet,
            JSON.stringify(e.article.meta),
            e.article.text.length,
            e.storedText,
            e.signatures.length / this.numPerm,
            encodeArray(e.signatures),
            postings.distinct[p],
            encodeArray(e.grams),
          );
          stored[p] = Number(lastInsertRowid);
        }
        this.segments.add(keepDocuments(postings.entries, stored));
        this.segments.mergeFullLevels(fanIn);
      }),
    );
    return counts;
  }

  /**
   * End of a run: the posting segments other than the largest are merged
   * into one, and into the largest too when they hold a quarter of its
   * entries or more (one transaction): lookups read one or two chunks a key.
   */
  settle(onRange?: (done: number, total: number) => void): void {
    this.guard(() => {
      if (this.segments.count() > 1) this.inWriteLock(() => this.segments.settle(onRange));
    });
  }

  /**
   * {@link settle}, the merge computed by `mergeElsewhere` (worker threads
   * reading this file on their own connections, `SegmentRangeReader`, key
   * range after key range) while this connection writes the entries it
   * pushes: the same segment as `settle` makes, in one transaction, the write
   * lock held throughout (the segments read cannot change).
   */
  async settleWith(mergeElsewhere: (source: MergeSource, push: (entries: SortedEntries) => void) => Promise<void>): Promise<void> {
    if (!this.shareable) throw new InternalError(`index ${this.file || '(temporary)'}: settleWith needs an index file other connections can read`);
    try {
      if (this.segments.count() > 1) await this.inWriteLockAsync(() => this.segments.settleWith(this.file, mergeElsewhere));
    } catch (error: unknown) {
      throw translateSqliteError(this.file, error);
    }
  }

  /**
   * Run `work` (a run of write transactions, as `index add` makes) with the
   * write-ahead log folded into the file by a process of its own after each
   * commit instead of by this connection (see `checkpointer.ts`), then give
   * the folding back to this connection. An index no other connection can
   * open, or a run from TypeScript sources (no compiled script), runs `work`
   * as it is. Nothing committed depends on who folds.
   */
  async checkpointingElsewhere<T>(work: () => Promise<T>): Promise<T> {
    const checkpointer = this.shareable && this.checkpointer === null ? Checkpointer.start(this.file) : null;
    if (checkpointer === null) return work();
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = checkpointer;
    let result: T;
    let failure: string | null;
    try {
      result = await work();
    } finally {
      this.checkpointer = null;
      this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      ({ failure } = await checkpointer.stop());
    }
    // What a failed process did not fold is still in the log: this connection folds it.
    if (failure !== null) this.guard(() => this.db.pragma('wal_checkpoint(PASSIVE)'));
    return result;
  }

  /** Is the index a file other connections can open (not an in-memory or temporary database)? `settleWith` needs one. */
  get shareable(): boolean {
    return !this.db.memory && this.file !== '';
  }

  /** Number of posting segments. */
  countSegments(): number {
    return this.guard(() => this.segments.count());
  }

  /**
   * Live posting entries per document row, and entries left by removed or
   * replaced documents (until a merge or `vacuum` drops them): for checks of
   * the index's consistency.
   */
  postingCensus(): { readonly perDocument: Map<number, number>; readonly dead: number } {
    return this.guard(() => this.db.transaction(() => this.segments.census())());
  }

  /** Remove articles by id (one transaction); returns the ids that were not in the index. */
  remove(ids: readonly string[]): string[] {
    const missing: string[] = [];
    this.guard(() =>
      this.inWriteLock(() => {
        for (const id of ids) {
          const old = this.statements.existing.get(id) as { doc: number } | undefined;
          if (old === undefined) missing.push(id);
          else this.statements.deleteDoc.run(old.doc);
        }
      }),
    );
    return missing;
  }

  /** Number of articles stored. */
  countDocuments(): number {
    return this.guard(() => (this.statements.count.get() as { n: number }).n);
  }

  /** Call `f` with every stored article's id, outlet and distinct k-grams. */
  forEachGrams(f: (id: string, outlet: string | null, grams: Uint32Array) => void): void {
    this.guard(() => {
      for (const row of this.statements.grams.iterate() as Iterable<{ id: string; outlet: string | null; grams: Buffer }>) f(row.id, row.outlet, decodeUint32(row.grams));
    });
  }

  /**
   * The collection's blocked k-grams as last computed, and the article count
   * then. `blocked` holds all of them; `blockedEverywhere` those blocked for
   * recurring across the collection, then their article counts (an index
   * made before it was kept has none: all its blocked k-grams are
   * boilerplate wherever they are, as they were then); `blockedNear` the
   * k-grams near that bar, then their counts (none in an index made before
   * it was kept: runs are as they were then).
   */
  readBlocked(): { readonly blocked: BlockedGrams; readonly documents: number } {
    return this.guard(() => {
      const blocked = this.statements.getState.get('blocked') as { value: Buffer } | undefined;
      const documents = this.statements.getState.get('blockedDocs') as { value: Buffer } | undefined;
      const all = blocked === undefined ? new Uint32Array(0) : decodeUint32(blocked.value);
      const shared = this.readCountedGrams('blockedEverywhere');
      const near = this.readCountedGrams('blockedNear');
      const sharedSet = new Set(shared.grams);
      return {
        blocked: { always: all.filter((h) => !sharedSet.has(h)), everywhere: shared.grams, everywhereCounts: shared.counts, near: near.grams, nearCounts: near.counts },
        documents: documents === undefined ? 0 : Number(documents.value.toString('utf8')),
      };
    });
  }

  /** Record the collection's blocked k-grams, computed over `documents` articles. */
  saveBlocked(blocked: BlockedGrams, documents: number): void {
    const all = concatUint32(blocked.always, blocked.everywhere).sort();
    this.guard(() =>
      this.inWriteLock(() => {
        this.statements.putState.run('blocked', encodeArray(all));
        this.statements.putState.run('blockedEverywhere', encodeArray(concatUint32(blocked.everywhere, blocked.everywhereCounts)));
        this.statements.putState.run('blockedNear', encodeArray(concatUint32(blocked.near, blocked.nearCounts)));
        this.statements.putState.run('blockedDocs', Buffer.from(String(documents), 'utf8'));
      }),
    );
  }

  /** A state of k-grams then their counts (none when it is absent). */
  private readCountedGrams(key: string): { readonly grams: Uint32Array; readonly counts: Uint32Array } {
    const state = this.statements.getState.get(key) as { value: Buffer } | undefined;
    const both = state === undefined ? new Uint32Array(0) : decodeUint32(state.value);
    if (both.length % 2 !== 0) throw new FormatError(this.file, `its ${key} state holds ${both.length} numbers, not grams and their counts`);
    return { grams: both.subarray(0, both.length / 2), counts: both.subarray(both.length / 2) };
  }

  /**
   * The documents in the bucket of each key, by key, ascending; a bucket with
   * more than `maxBucket` documents (a story archived hundreds of times) gives
   * its first `maxBucket`, the earliest archived, and is named `oversized`.
   */
  lookup(keys: Iterable<number>, maxBucket: number): BucketLookup {
    return this.guard(() => this.db.transaction(() => this.segments.lookup(keys, maxBucket))());
  }

  /** Stored signatures (low 16 bits) of a document, or `null` when it is gone. */
  signaturesOf(doc: number): Uint16Array | null {
    return this.guard(() => {
      const row = this.statements.signatures.get(doc) as { signatures: Buffer } | undefined;
      return row === undefined ? null : decodeUint16(row.signatures);
    });
  }

  /** A stored document: its article (text inflated) and signatures; `null` when it is gone. */
  readDocument(doc: number): StoredDocument | null {
    return this.guard(() => {
      const row = this.statements.document.get(doc) as
        | { id: string; path: string | null; meta: string; text: Buffer; signatures: Buffer }
        | undefined;
      if (row === undefined) return null;
      const article: Article = { id: row.id, path: row.path, text: decodeText(row.text), meta: storedMeta(row.meta) };
      return { doc, article, signatures: decodeUint16(row.signatures) };
    });
  }

  /** Figures of the index. */
  stats(): IndexStats {
    return this.guard(() => {
      const row = this.statements.stats.get() as { documents: number; windows: number | null; keys: number | null; chars: number | null; bytes: number | null };
      const { blocked, documents } = this.readBlocked();
      const blockedGrams = blocked.always.length + blocked.everywhere.length;
      return {
        documents: row.documents,
        windows: row.windows ?? 0,
        bandKeys: row.keys ?? 0,
        characters: row.chars ?? 0,
        textBytes: row.bytes ?? 0,
        bytesOnDisk: [this.file, `${this.file}-wal`, `${this.file}-shm`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0),
        blockedGrams,
        blockedAtDocuments: documents,
      };
    });
  }

  /**
   * Merge the posting segments into one without removed or replaced
   * documents' entries, fold the write-ahead log into the file and rebuild
   * it without free pages.
   */
  vacuum(): void {
    this.guard(() => {
      this.inWriteLock(() => this.segments.mergeAll());
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  /** Close the connection (a clean close also folds the log into the file). */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** An article's stored metadata; one stored before owner groups were kept has none (`outletGroup` null). */
function storedMeta(json: string): ArticleMeta {
  return { outletGroup: null, ...(JSON.parse(json) as Omit<ArticleMeta, 'outletGroup'> & Partial<Pick<ArticleMeta, 'outletGroup'>>) };
}

/** `a` then `b` in one array. */
function concatUint32(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Positions of the rows with each id's last one only, in increasing order (a batch may name an id twice; the later version wins). */
function lastPerId(rows: readonly IndexRow[]): number[] {
  const last = new Map<string, number>();
  rows.forEach((e, p) => last.set(e.article.id, p));
  const out: number[] = [];
  rows.forEach((e, p) => {
    if (last.get(e.article.id) === p) out.push(p);
  });
  return out;
}

/** The statements the store runs, prepared once per connection. */
function prepareStatements(db: Database.Database) {
  return {
    hashOf: db.prepare('SELECT hash FROM docs WHERE id = ?'),
    existing: db.prepare('SELECT doc, hash FROM docs WHERE id = ?'),
    insertDoc: db.prepare(
      'INSERT INTO docs (id, hash, path, outlet, meta, length, text, windows, signatures, keyCount, grams) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteDoc: db.prepare('DELETE FROM docs WHERE doc = ?'),
    count: db.prepare('SELECT count(*) AS n FROM docs'),
    grams: db.prepare('SELECT id, outlet, grams FROM docs'),
    getState: db.prepare('SELECT value FROM state WHERE name = ?'),
    putState: db.prepare('INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)'),
    signatures: db.prepare('SELECT signatures FROM docs WHERE doc = ?'),
    document: db.prepare('SELECT id, path, meta, text, signatures FROM docs WHERE doc = ?'),
    stats: db.prepare('SELECT count(*) AS documents, sum(windows) AS windows, sum(keyCount) AS keys, sum(length) AS chars, sum(length(text)) AS bytes FROM docs'),
  };
}
