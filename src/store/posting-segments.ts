/**
 * The LSH posting list as sorted segments (a log-structured merge, in the
 * spirit of O'Neil et al., "The log-structured merge-tree", 1996, with
 * size-tiered merging): each write batch adds one segment of its documents'
 * (band key, doc) entries, sorted, in chunks (`posting-chunks.ts`); a segment
 * is never changed, only merged with others into a new one. A lookup
 * searches every segment: the segment's chunk directory (each chunk's first
 * key, in memory) names the one chunk that can hold the key, read in one
 * row fetch. Removed and replaced documents are not deleted from segments:
 * their row in `docs` is gone (row numbers are never reused), lookups leave
 * them out, merges drop them.
 *
 * Merging keeps the segments few: when {@link MERGE_FANIN} segments of one
 * level exist they become one of the next level (each entry is rewritten
 * about log₈(batches) times), and at the end of a run (`settle`) all but the
 * largest become one, folded into the largest when large enough: a lookup
 * reads one or two chunks a key.
 *
 * Merges go one key range at a time (keys are hashes, so ranges hold even
 * shares): the range's live entries are gathered from every segment and
 * sorted, and the ranges are written in order. The final merge of a run may
 * have its ranges gathered on other threads ({@link SegmentRangeReader},
 * `settleWith`).
 *
 * Works on the caller's connection and within the caller's transaction
 * (but for `SegmentRangeReader`, read-only, on its own).
 */
import Database from 'better-sqlite3';
import { InternalError } from '../errors';
import { decodeFloat64, encodeArray, viewUint32 } from './blob-codec';
import { ChunkWriter, chunkFor, docAt, ENTRY_WORDS, entriesInRange, forEachDocIn, sortEntries, type Chunk, type SortedEntries } from './posting-chunks';
import { openWithSqliteErrors, withSqliteErrors } from './sqlite-errors';

/** Segments of one level that are merged into one of the next. */
export const MERGE_FANIN = 8;
/**
 * The same during a bulk `index add`: none. Its end merges everything
 * anyway (`settle`, on the workers), and merges on the way, on the main
 * thread while the workers wait for it, rewrote entries that merge rewrites
 * again (at 64: 83 s of a 442 s run of 400k articles). A killed bulk run
 * leaves a segment per committed batch: lookups read a chunk per segment
 * per key until the next `index add` or `index vacuum` merges them.
 */
export const BULK_MERGE_FANIN = Number.POSITIVE_INFINITY;
/** At the end of a run the segments other than the largest become one, and that one is folded into the largest when it has at least this share of its entries. */
export const FOLD_SHARE = 0.25;
/** Entries per key range of a merge (12 MB of them): a merge gathers and sorts one range at a time. */
export const MERGE_RANGE_ENTRIES = 2 ** 20;
/** A chunk's row id is its segment number times this, plus its position. */
const CHUNKS_PER_SEGMENT = 2 ** 26;
/** Chunks written per INSERT statement and read per SELECT when a segment is written or read whole. */
const INSERT_ROWS = 32;
const READ_AHEAD = 64;
/** Chunks a lookup reads per statement. */
const LOOKUP_ROWS = 256;
/** Statements a merge reads with, on this connection or a reader's. */
const SELECT_DIRECTORY = 'SELECT directory FROM segments WHERE seg = ?';
const SELECT_CHUNK_RANGE = 'SELECT data FROM chunks WHERE id >= ? AND id < ? ORDER BY id';
/** Key ranges a merge goes by, at least (more when it has more than {@link MERGE_RANGE_ENTRIES} entries a range). */
const MIN_MERGE_RANGES = 4;
/** Band keys are below this (53 bits: the low 32 and the high 21). */
const KEY_SPACE = 2 ** 53;

interface SegmentRow {
  readonly seg: number;
  readonly level: number;
  readonly entries: number;
}

/** What {@link PostingSegments.lookup} answers. */
export interface BucketLookup {
  /** Each key's live documents (row numbers), ascending; an oversized bucket's first `maxBucket`. */
  readonly buckets: Map<number, number[]>;
  /** Keys whose bucket has more than `maxBucket` live documents. */
  readonly oversized: Set<number>;
}

/** The posting segments of one connection. */
export class PostingSegments {
  private readonly s;
  /** Chunk directories by segment (segments never change, so they are kept until the segment is gone). */
  private readonly directories = new Map<number, Float64Array>();
  /** Segments at the last listing. */
  private listed = new Set<number>();

  constructor(db: Database.Database) {
    const chunksIn = (n: number): Database.Statement => db.prepare(`SELECT id, data FROM chunks WHERE id IN (${Array.from({ length: n }, () => '?').join(', ')})`);
    this.s = {
      list: db.prepare('SELECT seg, level, entries FROM segments ORDER BY seg'),
      directory: db.prepare(SELECT_DIRECTORY),
      insertSegment: db.prepare('INSERT INTO segments (level, entries, chunks, directory) VALUES (?, 0, 0, x\'\')'),
      finishSegment: db.prepare('UPDATE segments SET entries = ?, chunks = ?, directory = ? WHERE seg = ?'),
      deleteSegment: db.prepare('DELETE FROM segments WHERE seg = ?'),
      insertChunk: db.prepare('INSERT INTO chunks (id, data) VALUES (?, ?)'),
      insertChunks: db.prepare(`INSERT INTO chunks (id, data) VALUES ${Array.from({ length: INSERT_ROWS }, () => '(?, ?)').join(', ')}`),
      chunk: db.prepare('SELECT data FROM chunks WHERE id = ?').pluck(),
      chunkRange: db.prepare(SELECT_CHUNK_RANGE).pluck(),
      chunksIn: chunksIn(LOOKUP_ROWS),
      chunksInSome: (n: number) => chunksIn(n),
      deleteChunks: db.prepare('DELETE FROM chunks WHERE id >= ? AND id < ?'),
      liveDocs: db.prepare('SELECT doc FROM docs').pluck(),
      isLive: db.prepare('SELECT 1 FROM docs WHERE doc = ?').pluck(),
    };
  }

  /** Add one level-0 segment holding `entries` (nothing when there are none). */
  add(entries: SortedEntries): void {
    if (entries.length === 0) return;
    this.write(0, (writer) => writer.pushAll(entries));
  }

  /** Merge while some level has `fanIn` segments: the level's oldest become one of the next level. */
  mergeFullLevels(fanIn = MERGE_FANIN): void {
    for (;;) {
      const byLevel = new Map<number, SegmentRow[]>();
      for (const row of this.list()) byLevel.set(row.level, [...(byLevel.get(row.level) ?? []), row]);
      const full = [...byLevel.entries()].sort((a, b) => a[0] - b[0]).find(([, rows]) => rows.length >= fanIn);
      if (full === undefined) return;
      this.merge(full[1].slice(0, fanIn), full[0] + 1);
    }
  }

  /**
   * End of a run: the segments other than the largest become one; it is
   * merged into the largest too when it has {@link FOLD_SHARE} of its
   * entries or more. A bulk run ends with one segment; a small run on a large
   * index rewrites only the small ones.
   */
  settle(onRange?: (done: number, total: number) => void): void {
    const plan = this.settlePlan();
    if (plan !== null) this.merge(plan.rows, plan.level, onRange);
  }

  /**
   * {@link settle}, the merge computed elsewhere (on worker threads):
   * `mergeElsewhere` is given what to merge (the segments of `file`, as
   * committed, and the live documents) and pushes the merged live entries,
   * in (key, doc) order, key range after key range
   * ({@link SegmentRangeReader}). The caller holds the write lock for the
   * whole of it (no other writer changes the segments being read).
   *
   * The merged segments are deleted first: the other connections read them
   * as committed, which this transaction's deletions do not change, and the
   * merged segment is written into the pages they free (the file does not
   * grow by a second copy of the postings, and the deleting is done while
   * the other threads gather the first ranges rather than after the last).
   */
  async settleWith(file: string, mergeElsewhere: (source: MergeSource, push: (entries: SortedEntries) => void) => Promise<void>): Promise<void> {
    const plan = this.settlePlan();
    if (plan === null) return;
    const source: MergeSource = { file, segs: plan.rows.map((r) => r.seg), entries: plan.rows.reduce((n, r) => n + r.entries, 0), live: this.liveDocuments() };
    this.drop(plan.rows);
    const writing = this.startWrite(plan.level);
    await mergeElsewhere(source, (entries) => writing.writer.pushAll(entries));
    writing.finish();
  }

  /** What {@link settle} merges, and the level of the segment it makes; `null`: nothing to merge. */
  private settlePlan(): { readonly rows: readonly SegmentRow[]; readonly level: number } | null {
    const rows = [...this.list()].sort((a, b) => b.entries - a.entries || a.seg - b.seg);
    const [largest, ...rest] = rows;
    if (largest === undefined || rest.length === 0) return null;
    const restEntries = rest.reduce((n, r) => n + r.entries, 0);
    if (restEntries >= FOLD_SHARE * largest.entries) return { rows, level: Math.max(...rows.map((r) => r.level)) };
    if (rest.length > 1) return { rows: rest, level: Math.max(...rest.map((r) => r.level)) };
    return null;
  }

  /** Merge every segment into one, without the entries of removed or replaced documents. */
  mergeAll(): void {
    const rows = this.list();
    if (rows.length > 1 || (rows.length === 1 && rows[0]!.entries > this.countLiveEntries(rows))) {
      this.merge(rows, Math.max(...rows.map((r) => r.level)));
    }
  }

  /** Number of segments. */
  count(): number {
    return this.list().length;
  }

  /**
   * The live documents of each key's bucket, by key, ascending. A bucket with
   * more than `maxBucket` live documents gives its first `maxBucket` (the
   * lowest row numbers: the earliest archived) and its key is in `oversized`.
   * Run it inside one read transaction (segments merged meanwhile would be
   * gone).
   */
  lookup(keys: Iterable<number>, maxBucket: number): BucketLookup {
    const wanted = Float64Array.from(new Set(keys)).sort();
    /** The keys to look for in each chunk (by row id), from every segment's directory. */
    const keysOf = new Map<number, number[]>();
    for (const { seg } of this.list()) {
      const directory = this.directoryOf(seg);
      for (const key of wanted) {
        const n = chunkFor(directory, key);
        if (n < 0) continue;
        const id = seg * CHUNKS_PER_SEGMENT + n;
        const list = keysOf.get(id);
        if (list === undefined) keysOf.set(id, [key]);
        else list.push(key);
      }
    }
    const found = new Map<number, number[]>();
    const ids = [...keysOf.keys()];
    for (let i = 0; i < ids.length; i += LOOKUP_ROWS) {
      const some = ids.slice(i, i + LOOKUP_ROWS);
      const rows = (some.length === LOOKUP_ROWS ? this.s.chunksIn : this.s.chunksInSome(some.length)).all(some) as { id: number; data: Buffer }[];
      for (const { id, data } of rows) {
        for (const key of keysOf.get(id)!) {
          forEachDocIn(data, key, (doc) => {
            const docs = found.get(key);
            if (docs === undefined) found.set(key, [doc]);
            else docs.push(doc);
          });
        }
      }
    }
    for (const seg of this.directories.keys()) if (!this.listed.has(seg)) this.directories.delete(seg);
    const live = new Map<number, boolean>();
    const isLive = (doc: number): boolean => {
      let known = live.get(doc);
      if (known === undefined) live.set(doc, (known = this.s.isLive.get(doc) !== undefined));
      return known;
    };
    const buckets = new Map<number, number[]>();
    const oversized = new Set<number>();
    for (const [key, docs] of found) {
      // Ascending first, so an oversized bucket keeps its earliest archived documents whatever segments they are in.
      docs.sort((a, b) => a - b);
      const kept: number[] = [];
      for (const doc of docs) {
        if (!isLive(doc)) continue;
        if (kept.length === maxBucket) {
          oversized.add(key);
          break;
        }
        kept.push(doc);
      }
      if (kept.length > 0) buckets.set(key, kept);
    }
    return { buckets, oversized };
  }

  /** Number of live entries per document and of entries of removed documents, over all segments. */
  census(): { readonly perDocument: Map<number, number>; readonly dead: number } {
    const live = this.liveDocuments();
    const perDocument = new Map<number, number>();
    let dead = 0;
    this.forEachDocument(this.list(), (doc) => {
      if (live[doc] === 1) perDocument.set(doc, (perDocument.get(doc) ?? 0) + 1);
      else dead++;
    });
    return { perDocument, dead };
  }

  private list(): SegmentRow[] {
    const rows = this.s.list.all() as SegmentRow[];
    this.listed = new Set(rows.map((r) => r.seg));
    return rows;
  }

  private directoryOf(seg: number): Float64Array {
    let directory = this.directories.get(seg);
    if (directory === undefined) {
      directory = decodeFloat64((this.s.directory.get(seg) as { directory: Buffer }).directory);
      this.directories.set(seg, directory);
    }
    return directory;
  }

  private countLiveEntries(rows: readonly SegmentRow[]): number {
    const live = this.liveDocuments();
    let n = 0;
    this.forEachDocument(rows, (doc) => {
      if (live[doc] === 1) n++;
    });
    return n;
  }

  /** A new segment of `level`, its entries pushed by `fill`; an empty one is not kept. */
  private write(level: number, fill: (writer: ChunkWriter) => void): void {
    const writing = this.startWrite(level);
    fill(writing.writer);
    writing.finish();
  }

  /** A new segment of `level` being written: push its entries to `writer`, then `finish` it. */
  private startWrite(level: number): { readonly writer: ChunkWriter; readonly finish: () => void } {
    const seg = Number(this.s.insertSegment.run(level).lastInsertRowid);
    const firstKeys: number[] = [];
    const waiting: (number | Buffer)[] = [];
    const writer = new ChunkWriter((chunk: Chunk) => {
      waiting.push(seg * CHUNKS_PER_SEGMENT + firstKeys.length, chunk.bytes);
      firstKeys.push(chunk.firstKey);
      if (waiting.length === 2 * INSERT_ROWS) this.s.insertChunks.run(waiting.splice(0));
    });
    const finish = (): void => {
      writer.finish();
      for (let i = 0; i < waiting.length; i += 2) this.s.insertChunk.run(waiting[i], waiting[i + 1]);
      if (writer.entries === 0) {
        this.s.deleteSegment.run(seg);
        return;
      }
      this.s.finishSegment.run(writer.entries, firstKeys.length, encodeArray(Float64Array.from(firstKeys)), seg);
    };
    return { writer, finish };
  }

  /** Replace `rows` by one segment of `level` holding their live entries, merged key range by key range (`onRange` after each). */
  private merge(rows: readonly SegmentRow[], level: number, onRange?: (done: number, total: number) => void): void {
    const live = this.liveDocuments();
    const ranges = mergeRanges(rows.reduce((n, r) => n + r.entries, 0));
    onRange?.(0, ranges.length);
    this.write(level, (writer) => {
      ranges.forEach(([lo, hi], i) => {
        writer.pushAll(mergeRange(rows.map((r) => rangeChunks(this.s.chunkRange, r.seg, this.directoryOf(r.seg), lo, hi)), live, lo, hi));
        onRange?.(i + 1, ranges.length);
      });
    });
    this.drop(rows);
  }

  /** Delete the segments `rows` and their chunks. */
  private drop(rows: readonly SegmentRow[]): void {
    for (const { seg } of rows) {
      this.s.deleteChunks.run(seg * CHUNKS_PER_SEGMENT, (seg + 1) * CHUNKS_PER_SEGMENT);
      this.s.deleteSegment.run(seg);
      this.directories.delete(seg);
    }
  }

  /** Live document rows as flags by row number. */
  private liveDocuments(): Uint8Array {
    const docs = this.s.liveDocs.all() as number[];
    const live = new Uint8Array(docs.reduce((a, b) => Math.max(a, b), 0) + 1);
    for (const doc of docs) live[doc] = 1;
    return live;
  }

  /** The document of every entry of `rows`' segments, segment by segment (counting needs no order). */
  private forEachDocument(rows: readonly SegmentRow[], f: (doc: number) => void): void {
    for (const { seg } of rows) {
      const chunks = readChunks(this.s.chunkRange, seg, 0, this.directoryOf(seg).length);
      for (let words = chunks(); words !== null; words = chunks()) for (let i = 0; i < words.length / ENTRY_WORDS; i++) f(docAt(words, i));
    }
  }
}

/** Chunks `[from, to)` of `seg` in order, read {@link READ_AHEAD} at a time by `chunkRange` (ids from, to); `null` after the last. */
function readChunks(chunkRange: Database.Statement, seg: number, from: number, to: number): () => Uint32Array | null {
  let next = from;
  let read: Buffer[] = [];
  let at = 0;
  return () => {
    if (at === read.length) {
      if (next >= to) return null;
      const end = Math.min(to, next + READ_AHEAD);
      read = chunkRange.all(seg * CHUNKS_PER_SEGMENT + next, seg * CHUNKS_PER_SEGMENT + end) as Buffer[];
      next = end;
      at = 0;
    }
    return viewUint32(read[at++]!);
  };
}

/** What a merge on another connection reads: segments of an index file, as committed, and which documents are live. */
export interface MergeSource {
  readonly file: string;
  readonly segs: readonly number[];
  /** Their entries, removed documents' included. */
  readonly entries: number;
  /** Live document rows as flags by row number. */
  readonly live: Uint8Array;
}

/**
 * `parts` (at least one) key ranges `[lo, hi)` covering every band key: keys
 * are hashes, spread evenly, so each range holds about the same share of a merge.
 */
export function keyRanges(parts: number): [number, number][] {
  const n = Math.max(1, parts);
  const bound = (i: number): number => (i === n ? KEY_SPACE : Math.floor((i / n) * KEY_SPACE));
  return Array.from({ length: n }, (_, i): [number, number] => [bound(i), bound(i + 1)]);
}

/** The key ranges a merge of `entries` goes by: about {@link MERGE_RANGE_ENTRIES} entries each, and at least `atLeast` of them. */
export function mergeRanges(entries: number, atLeast = MIN_MERGE_RANGES): [number, number][] {
  return keyRanges(Math.max(atLeast, Math.ceil(entries / MERGE_RANGE_ENTRIES)));
}

/** The chunks of `seg` (chunk directory `directory`) that may hold keys in `[lo, hi)`, each cut to those keys. */
function rangeChunks(chunkRange: Database.Statement, seg: number, directory: Float64Array, lo: number, hi: number): () => Uint32Array | null {
  // From the chunk that may hold lo to the last that starts below hi.
  let to = chunkFor(directory, hi) + 1;
  if (to > 0 && directory[to - 1] === hi) to--;
  const chunks = readChunks(chunkRange, seg, Math.max(0, chunkFor(directory, lo)), to);
  return () => {
    const words = chunks();
    return words === null ? null : entriesInRange(words, lo, hi);
  };
}

/**
 * The entries of `sources` (each a segment's chunks cut to `[lo, hi)`) whose
 * document is live, in (key, doc) order: gathered, then sorted
 * (`sortEntries`; no (key, doc) is in two segments, a document's entries
 * being written in one batch).
 */
function mergeRange(sources: readonly (() => Uint32Array | null)[], live: Uint8Array, lo: number, hi: number): SortedEntries {
  const parts: Uint32Array[] = [];
  let n = 0;
  for (const next of sources) {
    for (let words = next(); words !== null; words = next()) {
      parts.push(words);
      n += words.length;
    }
  }
  const kept = new Uint32Array(n);
  let m = 0;
  for (const words of parts) {
    for (let i = 0; i < words.length; i += ENTRY_WORDS) {
      if (live[words[i + 2]!] !== 1) continue;
      kept[m] = words[i]!;
      kept[m + 1] = words[i + 1]!;
      kept[m + 2] = words[i + 2]!;
      m += ENTRY_WORDS;
    }
  }
  return sortEntries(kept.subarray(0, m), lo, hi);
}

/** The chunk directory of each of `source`'s segments, in their order. */
function readDirectories(db: Database.Database, source: MergeSource): Float64Array[] {
  const directory = db.prepare(SELECT_DIRECTORY).pluck();
  return source.segs.map((seg) => {
    const blob = directory.get(seg) as Buffer | undefined;
    if (blob === undefined) throw new InternalError(`index ${source.file}: segment ${seg} is gone while it is merged`);
    return decodeFloat64(blob);
  });
}

/**
 * Reads a {@link MergeSource} on its own read-only connection (a worker
 * thread's): the merged live entries of one key range at a time, the same
 * entries, in the same order, as the merge of this thread writes for that
 * range. Only while the writer holds its lock: the segments must not change.
 */
export class SegmentRangeReader {
  private readonly db: Database.Database;
  private readonly chunkRange: Database.Statement;
  private readonly directories: Float64Array[];

  /** An SQLite failure (the file moved, deleted or damaged under the writer) is the user's to see, not an internal error. */
  constructor(private readonly source: MergeSource) {
    const { db, directories, chunkRange } = openWithSqliteErrors(
      source.file,
      () => new Database(source.file, { readonly: true, fileMustExist: true }),
      (opened) => ({ db: opened, directories: readDirectories(opened, source), chunkRange: opened.prepare(SELECT_CHUNK_RANGE).pluck() }),
    );
    this.db = db;
    this.directories = directories;
    this.chunkRange = chunkRange;
  }

  /** The live entries whose key is in `[lo, hi)`, in (key, doc) order. */
  range(lo: number, hi: number): SortedEntries {
    return withSqliteErrors(this.source.file, () =>
      mergeRange(
        this.source.segs.map((seg, i) => rangeChunks(this.chunkRange, seg, this.directories[i]!, lo, hi)),
        this.source.live,
        lo,
        hi,
      ),
    );
  }

  close(): void {
    this.db.close();
  }
}
