/**
 * Adding articles to a persistent index: the index's sketch and sign tasks
 * (`sketchDocument` and the deflated text, then, a write batch at a time,
 * `markSketchBoilerplate`, `signWindows`, the low 16 bits of each signature
 * and the batch's band keys sorted as the store writes them, on worker
 * threads: see `scan-tasks.ts`), written by this thread in batches (one
 * transaction each, its band keys one posting segment) while the workers
 * sign the next ones; at the end of the run the smallest segments are
 * merged (`settle`), key range by key range on the workers.
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
import type { Article } from '../model';
import { InternalError } from '../errors';
import type { ResolvedOptions } from '../options';
import { BULK_MERGE_FANIN, MERGE_FANIN, mergeRanges, type IndexRow, type IndexStore, type WriteCounts } from '../store';
import { BoilerplateCounter } from './find-boilerplate';
import { batches, drain, mapLazily } from './batches';
import { runIndexTasks, unpackArray, type IndexTask, type IndexTaskResult, type IndexWriteBatch, type PackedArrays, type PackedSketches } from './scan-tasks';
import { inTaskOrder } from './worker-pool';

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
 * The phases of an index run, as progress counts them: articles sketched,
 * articles written, key ranges of the final merge.
 */
export type IndexPhase = 'sketch' | 'write' | 'merge';

/** How an index run goes: its threads, progress and final merge. None changes what is stored or found. */
export interface IndexRun {
  /** `done` of `total` of a phase's work is done (each phase from 0, in order; 'merge' only when segments are merged). */
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

/** Documents per sketch task. */
const TASK_DOCUMENTS = 128;

/**
 * Add `articles` to the index: new ids added, changed content replacing the
 * stored version, the same content left alone. `options` must be those the
 * index was made with (`resolveIndexOptions`). Sketching, deflating, signing
 * and sorting each write batch's band keys run on `run.workers` threads;
 * this thread writes, batch by batch, while the workers sign the next ones.
 */
export async function addArticlesToIndex(store: IndexStore, articles: readonly Article[], options: ResolvedOptions, run: IndexRun = {}): Promise<IndexAddResult> {
  const counts: WriteCounts = { added: 0, replaced: 0, unchanged: 0 };
  const todo: Article[] = [];
  const hashes: string[] = [];
  for (const article of articles) {
    const hash = contentHash(article);
    if (store.hashOf(article.id) === hash) counts.unchanged++;
    else {
      todo.push(article);
      hashes.push(hash);
    }
  }
  const inPool = (blocked: Uint32Array, tasks: Iterable<IndexTask>, consume: (result: IndexTaskResult) => void): Promise<void> =>
    runIndexTasks({ options, blocked }, run.workers ?? 1, tasks, inTaskOrder(consume));

  // Kept packed, a sketch task's documents to an array (not an object per article: fewer for the collector to trace).
  const sketches: PackedSketches[] = [];
  const grams: PackedArrays<Uint32Array>[] = [];
  const stored: PackedArrays<Uint8Array>[] = [];
  const recount = decideRecount(store, todo.length, options);
  // A recount counts the stored articles, then each new one as its sketch comes back, while the workers sketch the next.
  const counter = recount ? countStored(store, todo) : null;
  run.onProgress?.('sketch', 0, todo.length);
  await inPool(new Uint32Array(0), mapLazily(batches(todo.map((a) => a.text), TASK_DOCUMENTS), (b): IndexTask => ({ kind: 'index-sketch', texts: b })), (result) => {
    const sketched = expectKind(result, 'index-sketch');
    const first = TASK_DOCUMENTS * sketches.length;
    sketches.push(sketched.sketches);
    grams.push(sketched.grams);
    stored.push(sketched.storedTexts);
    if (counter !== null) sketched.grams.ends.forEach((_, d) => counter.add(unpackArray(sketched.grams, d), todo[first + d]!.meta.outlet));
    run.onProgress?.('sketch', first + sketched.grams.ends.length, todo.length);
  });
  const gramsOf = (i: number): Uint32Array => unpackArray(grams[Math.floor(i / TASK_DOCUMENTS)]!, i % TASK_DOCUMENTS);
  const blocked = counter !== null ? Uint32Array.from(counter.blocked(options)).sort() : store.readBlocked().blocked;

  // A write batch is one sign task: its sketch tasks' packed sketches, dropped (moved to a worker) as the pool takes them.
  const batchDocuments = writeBatchSize(todo.length);
  const signTasks = mapLazily(drain<PackedSketches>(sketches, batchDocuments / TASK_DOCUMENTS), (b): IndexTask => ({ kind: 'index-sign-batch', sketches: b }));
  let written = 0;
  const write = (signed: IndexWriteBatch): void => {
    const rows: IndexRow[] = [];
    for (let d = 0; d < signed.postings.distinct.length; d++) {
      const i = written + d;
      const text = unpackArray(stored[Math.floor(i / TASK_DOCUMENTS)]!, i % TASK_DOCUMENTS);
      // A view of the batch's bytes (better-sqlite3 binds Buffers as blobs).
      const storedText = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
      rows.push({ article: todo[i]!, hash: hashes[i]!, storedText, signatures: unpackArray(signed.signatures, d), grams: gramsOf(i) });
    }
    // A run that settles at its end merges everything then: no level merges on the way.
    const done = store.writeSorted(rows, signed.postings, run.settle !== false ? BULK_MERGE_FANIN : MERGE_FANIN);
    counts.added += done.added;
    counts.replaced += done.replaced;
    counts.unchanged += done.unchanged;
    written += rows.length;
    run.onProgress?.('write', written, todo.length);
  };
  run.onProgress?.('write', 0, todo.length);
  // The pool hands a worker its next batch before this thread writes the one it sent; a write's error stops the pool.
  await inPool(blocked, signTasks, (result) => write(expectKind(result, 'index-sign-batch')));
  if (run.settle !== false) await settle(store, options, run);
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
    await runIndexTasks({ options, blocked: new Uint32Array(0), merge }, workers, tasks, inTaskOrder((result) => {
      push(expectKind(result, 'index-merge-range').entries);
      progress(++done, ranges.length);
    }));
  });
}

/** Recount when boilerplate is on and the run adds enough to matter (or nothing was counted yet). */
function decideRecount(store: IndexStore, adding: number, options: ResolvedOptions): boolean {
  if (!options.boilerplate || adding === 0) return false;
  const last = store.readBlocked().documents;
  return last === 0 || adding >= RECOUNT_GROWTH * last;
}

/** A boilerplate count of the stored articles but those `todo` replaces (the new ones are added to it as they are sketched). */
function countStored(store: IndexStore, todo: readonly Article[]): BoilerplateCounter {
  const counter = new BoilerplateCounter();
  const replacing = new Set(todo.map((a) => a.id));
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
