/**
 * Adding articles to a persistent index: the index's sketch and sign tasks
 * (`sketchDocument` and the deflated text, then, a write batch at a time,
 * `markSketchBoilerplate`, `signWindows`, the low 16 bits of each signature
 * and the batch's band keys sorted as the store writes them, on worker
 * threads: see `scan-tasks.ts`), written by this thread in batches (one
 * transaction each, its band keys one posting segment) while the workers
 * sign the next ones; at the end of the run the smallest segments are
 * merged (`settle`), key range by key range on the workers. What waits
 * between sketching and writing (each sketch batch: sketches, k-gram sets,
 * deflated texts) waits in a {@link ScanSpace}: files for a dump
 * ({@link addInputsToIndex}, whose texts are spooled as they are read, as a
 * scan's are), memory for articles already there.
 *
 * Collection boilerplate in an index that grows: every article's distinct
 * anchor k-grams are stored with it; the blocked k-grams are recounted over
 * the whole index (the scan's `BoilerplateCounter`, same rules) when a run
 * adds at least {@link RECOUNT_GROWTH} of what the last count saw, or when
 * there was none, and kept in the index (the new articles are counted as
 * their sketches come back). Articles are signed with the blocked
 * set known when they are added; alignment always uses the latest.
 */
import { createHash } from 'node:crypto';
import type { Article, Warning } from '../model';
import { InternalError } from '../errors';
import type { ResolvedOptions, ScanOptions } from '../options';
import { BULK_MERGE_FANIN, MERGE_FANIN, mergeRanges, type IndexRow, type IndexStore, type WriteCounts } from '../store';
import { BoilerplateCounter, NO_BLOCKED_GRAMS, type BlockedGrams, type GramSets } from './find-boilerplate';
import { batches, mapLazily, range } from './batches';
import { ScanSpace } from './byte-log';
import { readToSpace } from './read-articles';
import { runIndexTasks, type IndexTask, type IndexTaskResult, type IndexWriteBatch } from './scan-tasks';
import { unpackArray } from './packed-arrays';
import { documentsInMemory, type ScanDocuments } from './scan-documents';
import { SpooledSketchBatches, SpooledWords, type SpooledSketchBatch } from './spooled-records';
import { inTaskOrder, poolsRetired } from './worker-pool';

/** Articles the check service hands to one run at a time (the event loop is free between them). */
export const INDEX_BATCH = 500;
/**
 * Most articles per write transaction (a multiple of the sketch tasks' 128):
 * one sign task, one posting segment ({@link writeBatchSize}). Larger
 * batches mean fewer segments to merge; a killed run loses the open one.
 */
export const WRITE_BATCH = 2048;
/** A run that adds at least this share of the articles the last boilerplate count saw recounts it. */
export const RECOUNT_GROWTH = 0.1;

/**
 * The phases of an index run, as progress counts them: megabytes read (only
 * {@link addInputsToIndex} reads; total 0 when unknown, as on standard
 * input), articles sketched, articles written, key ranges of the final merge.
 */
export type IndexPhase = 'read' | 'sketch' | 'write' | 'merge';

/** How an index run goes: its threads, progress and final merge. None changes what is stored or found. */
export interface IndexRun {
  /** `done` of `total` of a phase's work is done (each phase from 0, in order; 'read' only when reading inputs, 'merge' only when segments are merged). */
  readonly onProgress?: (phase: IndexPhase, done: number, total: number) => void;
  /** Worker threads for sketching and signing (from compiled code; 1 = this thread). @default 1 */
  readonly workers?: number;
  /**
   * Merge the posting segments at the end (`IndexStore.settle`): fast
   * lookups, at the cost of rewriting what is not in the largest segment.
   * A service adding a few articles at a time leaves it off (level merges
   * still bound the segments). @default true
   */
  readonly settle?: boolean;
}

/** What a run did. */
export interface IndexAddResult extends WriteCounts {
  /** Articles in the index afterwards. */
  readonly documents: number;
  /** Were the blocked k-grams recounted? */
  readonly recounted: boolean;
}

/** The content hash of an article: its text and metadata (not its path: a moved dump is the same content). */
export function contentHash(article: Article): string {
  return createHash('sha256').update(article.text).update('\u0000').update(JSON.stringify(article.meta)).digest('hex').slice(0, 32);
}

/**
 * Add `articles` to the index: new ids added, changed content replacing the
 * stored version, the same content left alone. `options` must be those the
 * index was made with (`resolveIndexOptions`). Sketching, deflating, signing
 * and sorting each write batch's band keys run on `run.workers` threads;
 * this thread writes, batch by batch, while the workers sign the next ones.
 * What waits between the phases stays in memory (a few KB an article): for
 * a dump, {@link addInputsToIndex}.
 */
export async function addArticlesToIndex(store: IndexStore, articles: readonly Article[], options: ResolvedOptions, run: IndexRun = {}): Promise<IndexAddResult> {
  const space = ScanSpace.inMemory();
  try {
    return await addDocuments(store, documentsInMemory(articles), space, options, run);
  } finally {
    space.close();
  }
}

/** What {@link addInputsToIndex} did: the run, and what reading met on the way. */
export interface IndexInputsResult extends IndexAddResult {
  /** Articles read. */
  readonly read: number;
  /** What was skipped or degraded while reading, in reading order. */
  readonly warnings: readonly Warning[];
}

/**
 * Read `paths` as `scan` reads them (`scanOptions`: fields, manifest,
 * outlets, strictness) and add their articles as {@link addArticlesToIndex}
 * does, in bounded memory: each text goes to a spool file as it is read,
 * sketches and stored texts wait in files of the same temporary folder
 * (under `TMPDIR`, removed at the end) until they are signed and written;
 * memory holds a few hundred bytes an article (its id, outlet, content hash
 * and where its text and metadata are). `run.onProgress` also reports
 * 'read', in megabytes.
 */
export async function addInputsToIndex(
  store: IndexStore,
  paths: readonly string[],
  scanOptions: ScanOptions,
  options: ResolvedOptions,
  run: IndexRun = {},
): Promise<IndexInputsResult> {
  const space = ScanSpace.onDisk();
  try {
    const { docs, digests, warnings } = await readToSpace(paths, scanOptions, space, run.onProgress, contentHash);
    const result = await addDocuments(store, docs, space, options, run, digests);
    return { ...result, read: docs.count, warnings };
  } finally {
    space.close();
  }
}

/** Documents per sketch task. */
const TASK_DOCUMENTS = 128;

/**
 * {@link addArticlesToIndex} over documents in memory or put aside, what
 * waits between phases in `space`; `digests`: their content hashes, when
 * taken as they were read.
 */
async function addDocuments(
  store: IndexStore,
  docs: ScanDocuments,
  space: ScanSpace,
  options: ResolvedOptions,
  run: IndexRun,
  digests: readonly string[] | null = null,
): Promise<IndexAddResult> {
  const counts: WriteCounts = { added: 0, replaced: 0, unchanged: 0 };
  // The documents to write (by number), their content hashes, and the ids among them whose stored version they replace.
  const todo: number[] = [];
  const hashes: string[] = [];
  const replacing = new Set<string>();
  for (let i = 0; i < docs.count; i++) {
    const hash = digests?.[i] ?? contentHash(docs.article(i));
    const id = docs.id(i);
    const old = store.hashOf(id);
    if (old === hash) counts.unchanged++;
    else {
      todo.push(i);
      hashes.push(hash);
      if (old !== null) replacing.add(id);
    }
  }
  const inPool = (blocked: BlockedGrams, tasks: Iterable<IndexTask>, consume: (result: IndexTaskResult) => void): Promise<void> =>
    runIndexTasks({ options, blocked }, run.workers ?? 1, tasks, inTaskOrder(consume));

  // Sketch batches wait in the space until the blocked k-grams are known.
  const sketched = new SpooledSketchBatches(space.log('index-sketches'));
  const recount = decideRecount(store, todo.length, options);
  // A recount counts the stored articles, then each new one as its sketch comes back, while the workers sketch the next.
  const counter = recount ? countStored(store, replacing, new SpooledWords(space.log('grams'))) : null;
  run.onProgress?.('sketch', 0, todo.length);
  await inPool(NO_BLOCKED_GRAMS, mapLazily(batches(todo, TASK_DOCUMENTS), (b): IndexTask => ({ kind: 'index-sketch', texts: docs.batchTexts(b) })), (result) => {
    const batch = expectKind(result, 'index-sketch');
    const first = TASK_DOCUMENTS * sketched.count;
    sketched.add(batch);
    if (counter !== null) batch.grams.ends.forEach((_, d) => counter.add(unpackArray(batch.grams, d), docs.outlet(todo[first + d]!)));
    run.onProgress?.('sketch', first + batch.grams.ends.length, todo.length);
  });
  const blocked = counter !== null ? counter.blocked(options) : store.readBlocked().blocked;

  // A write batch is one sign task: its sketch batches read back, their sketches moved to a worker, their k-grams and texts kept here until written.
  const batchSize = writeBatchSize(todo.length);
  const perTask = batchSize / TASK_DOCUMENTS;
  const waiting = new Map<number, SpooledSketchBatch>();
  const signTasks = mapLazily(batches(range(sketched.count), perTask), (numbers): IndexTask => {
    const read = numbers.map((b) => sketched.get(b));
    numbers.forEach((b, j) => waiting.set(b, read[j]!));
    return { kind: 'index-sign-batch', sketches: read.map((r) => r.sketches) };
  });
  let written = 0;
  const write = (signed: IndexWriteBatch): void => {
    const rows: IndexRow[] = [];
    for (let d = 0; d < signed.postings.distinct.length; d++) {
      const i = written + d;
      const batch = waiting.get(Math.floor(i / TASK_DOCUMENTS));
      if (batch === undefined) throw new InternalError(`index add: article ${i} written before it was signed`);
      const text = unpackArray(batch.storedTexts, i % TASK_DOCUMENTS);
      // A view of the batch's bytes (better-sqlite3 binds Buffers as blobs).
      const storedText = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
      rows.push({ article: docs.outline(todo[i]!), hash: hashes[i]!, storedText, signatures: unpackArray(signed.signatures, d), grams: unpackArray(batch.grams, i % TASK_DOCUMENTS) });
    }
    // A run that settles at its end merges everything then: no level merges on the way.
    const done = store.writeSorted(rows, signed.postings, run.settle !== false ? BULK_MERGE_FANIN : MERGE_FANIN);
    counts.added += done.added;
    counts.replaced += done.replaced;
    counts.unchanged += done.unchanged;
    for (let b = Math.floor(written / TASK_DOCUMENTS); b < Math.ceil((written + rows.length) / TASK_DOCUMENTS); b++) waiting.delete(b);
    written += rows.length;
    run.onProgress?.('write', written, todo.length);
  };
  const writeAll = async (): Promise<void> => {
    run.onProgress?.('write', 0, todo.length);
    // The pool hands a worker its next batch before this thread writes the one it sent; a write's error stops the pool.
    await inPool(blocked, signTasks, (result) => write(expectKind(result, 'index-sign-batch')));
    if (run.settle !== false) await settle(store, options, run);
  };
  // A run of several transactions has the log folded into the file by a process of its own (one transaction is not worth starting it).
  await (todo.length > batchSize ? store.checkpointingElsewhere(writeAll) : writeAll());
  const documents = store.countDocuments();
  if (recount) store.saveBlocked(blocked, documents);
  return { ...counts, documents, recounted: recount };
}

/**
 * Articles per write transaction of a run of `documents`: at least eight
 * batches, so that the worker threads share the last ones, of 512 to
 * {@link WRITE_BATCH} articles, a multiple of the sketch tasks' size. It
 * depends on nothing else (not the number of threads): the same input is
 * stored in the same segments.
 */
export function writeBatchSize(documents: number): number {
  const eighth = Math.ceil(documents / 8 / TASK_DOCUMENTS) * TASK_DOCUMENTS;
  return Math.min(WRITE_BATCH, Math.max(4 * TASK_DOCUMENTS, eighth));
}

/**
 * The end of a run (`IndexStore.settle`), key range by key range: with
 * worker threads, each range is gathered and sorted by a worker, from its
 * own connection, while this thread writes the ranges in order (four ranges
 * a worker at least); with one thread (or an index in memory, which no other
 * connection can read), by this connection. The same segment either way.
 */
async function settle(store: IndexStore, options: ResolvedOptions, run: IndexRun): Promise<void> {
  const progress = (done: number, total: number): void => run.onProgress?.('merge', done, total);
  const workers = run.workers ?? 1;
  if (workers <= 1 || !store.shareable) {
    store.settle(progress);
    return;
  }
  await store.settleWith(async (merge, push) => {
    const ranges = mergeRanges(merge.entries, 4 * workers);
    let done = 0;
    progress(0, ranges.length);
    const tasks = ranges.map(([lo, hi]): IndexTask => ({ kind: 'index-merge-range', lo, hi }));
    await runIndexTasks({ options, blocked: NO_BLOCKED_GRAMS, merge }, workers, tasks, inTaskOrder((result) => {
      push(expectKind(result, 'index-merge-range').entries);
      progress(++done, ranges.length);
    }));
  });
  // The workers read the index on connections of their own: gone before this one closes, it is the last and folds and removes the log.
  await poolsRetired();
}

/** Recount when boilerplate is on and the run adds enough to matter (or nothing was counted yet). */
function decideRecount(store: IndexStore, adding: number, options: ResolvedOptions): boolean {
  if (!options.boilerplate || adding === 0) return false;
  const last = store.readBlocked().documents;
  return last === 0 || adding >= RECOUNT_GROWTH * last;
}

/** A boilerplate count of the stored articles but those being replaced (the new ones are added to it as they are sketched), their k-gram sets in `sets`. */
function countStored(store: IndexStore, replacing: ReadonlySet<string>, sets: GramSets): BoilerplateCounter {
  const counter = new BoilerplateCounter(undefined, sets);
  store.forEachGrams((id, outlet, grams) => {
    if (!replacing.has(id)) counter.add(grams, outlet);
  });
  return counter;
}

/** `result` as a batch of `kind` (the task asked for it). */
function expectKind<K extends IndexTaskResult['kind']>(result: IndexTaskResult, kind: K): Extract<IndexTaskResult, { kind: K }> {
  if (result.kind !== kind) throw new InternalError(`index add: a ${result.kind} batch where ${kind} was expected`);
  return result as Extract<IndexTaskResult, { kind: K }>;
}
