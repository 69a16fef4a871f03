/**
 * Adding articles to a persistent index: the index's sketch and sign tasks
 * (`sketchDocument` and the deflated text, then `markSketchBoilerplate`,
 * `signWindows`, the low 16 bits of each signature and the sorted distinct
 * band keys, on worker threads: see `scan-tasks.ts`), written by this thread
 * in batches (one transaction each, its band keys one posting segment); at
 * the end of the run the smallest segments are merged (`settle`).
 *
 * Collection boilerplate in an index that grows: every article's distinct
 * anchor k-grams are stored with it; the blocked k-grams are recounted over
 * the whole index (the scan's `BoilerplateCounter`, same rules) when a run
 * adds at least {@link RECOUNT_GROWTH} of what the last count saw, or when
 * there was none, and kept in the index. Articles are signed with the blocked
 * set known when they are added; alignment always uses the latest.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../model';
import { InternalError } from '../errors';
import type { ResolvedOptions } from '../options';
import type { IndexEntry, IndexStore, WriteCounts } from '../store';
import { BoilerplateCounter } from './find-boilerplate';
import { batches, drain, mapLazily } from './batches';
import { runIndexTasks, unpackArray, type IndexTask, type IndexTaskResult, type PackedSketches } from './scan-tasks';
import { inTaskOrder } from './worker-pool';

/** Articles per write transaction. */
export const INDEX_BATCH = 500;
/** A run that adds at least this share of the articles the last boilerplate count saw recounts it. */
export const RECOUNT_GROWTH = 0.1;

/** How an index run goes: its threads, progress and final merge. None changes what is stored or found. */
export interface IndexRun {
  /** `done` of `total` articles to store were written. */
  readonly onProgress?: (done: number, total: number) => void;
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

/** Documents per sketch or sign task. */
const TASK_DOCUMENTS = 128;

/**
 * Add `articles` to the index: new ids added, changed content replacing the
 * stored version, the same content left alone. `options` must be those the
 * index was made with (`resolveIndexOptions`). Sketching, deflating, signing
 * and band keys run on `run.workers` threads; this thread writes, batch by
 * batch, while the workers sign.
 */
export async function addArticlesToIndex(store: IndexStore, articles: readonly Article[], options: ResolvedOptions, run: IndexRun = {}): Promise<IndexAddResult> {
  const counts: WriteCounts = { added: 0, replaced: 0, unchanged: 0 };
  const todo: { article: Article; hash: string }[] = [];
  for (const article of articles) {
    const hash = contentHash(article);
    if (store.hashOf(article.id) === hash) counts.unchanged++;
    else todo.push({ article, hash });
  }
  const inPool = (blocked: Uint32Array, tasks: Iterable<IndexTask>, consume: (result: IndexTaskResult) => void): Promise<void> =>
    runIndexTasks({ options, blocked }, run.workers ?? 1, tasks, inTaskOrder(consume));

  const sketches: PackedSketches[] = [];
  const grams: Uint32Array[] = [];
  const stored: Buffer[] = [];
  const texts = todo.map((t) => t.article.text);
  await inPool(new Uint32Array(0), mapLazily(batches(texts, TASK_DOCUMENTS), (b): IndexTask => ({ kind: 'index-sketch', texts: b })), (result) => {
    const sketched = expectKind(result, 'index-sketch');
    sketches.push(sketched.sketches);
    for (let d = 0; d < sketched.grams.ends.length; d++) {
      grams.push(unpackArray(sketched.grams, d));
      // A view of the batch's bytes (better-sqlite3 binds Buffers as blobs).
      const text = unpackArray(sketched.storedTexts, d);
      stored.push(Buffer.from(text.buffer, text.byteOffset, text.byteLength));
    }
  });
  const recount = decideRecount(store, todo.length, options);
  const blocked = recount ? countBlocked(store, todo, grams, options) : store.readBlocked().blocked;

  // Packed sketches are dropped (moved to a worker) as the pool takes them; their batches are the sketch tasks'.
  const signTasks = mapLazily(drain<PackedSketches>(sketches, 1), ([b]): IndexTask => ({ kind: 'index-sign', sketches: b! }));
  let batch: IndexEntry[] = [];
  let written = 0;
  const flush = (): void => {
    const done = store.write(batch);
    counts.added += done.added;
    counts.replaced += done.replaced;
    counts.unchanged += done.unchanged;
    written += batch.length;
    batch = [];
    run.onProgress?.(written, todo.length);
  };
  run.onProgress?.(0, todo.length);
  await inPool(blocked, signTasks, (result) => {
    const signed = expectKind(result, 'index-sign');
    for (let d = 0; d < signed.keys.ends.length; d++) {
      const i = written + batch.length;
      const { article, hash } = todo[i]!;
      batch.push({ article, hash, storedText: stored[i]!, signatures: unpackArray(signed.signatures, d), keys: unpackArray(signed.keys, d), grams: grams[i]! });
      if (batch.length === INDEX_BATCH) flush();
    }
  });
  if (batch.length > 0) flush();
  if (run.settle !== false) store.settle();
  const documents = store.countDocuments();
  if (recount) store.saveBlocked(blocked, documents);
  return { ...counts, documents, recounted: recount };
}

/** Recount when boilerplate is on and the run adds enough to matter (or nothing was counted yet). */
function decideRecount(store: IndexStore, adding: number, options: ResolvedOptions): boolean {
  if (!options.boilerplate || adding === 0) return false;
  const last = store.readBlocked().documents;
  return last === 0 || adding >= RECOUNT_GROWTH * last;
}

/** The blocked k-grams of the stored articles (less those being replaced) and the new ones. */
function countBlocked(
  store: IndexStore,
  todo: readonly { readonly article: Article }[],
  grams: readonly Uint32Array[],
  options: ResolvedOptions,
): Uint32Array {
  const counter = new BoilerplateCounter();
  const replacing = new Set(todo.map((t) => t.article.id));
  store.forEachGrams((id, outlet, grams) => {
    if (!replacing.has(id)) counter.add(grams, outlet);
  });
  todo.forEach((t, i) => counter.add(grams[i]!, t.article.meta.outlet));
  return Uint32Array.from(counter.blocked(options)).sort();
}

/** `result` as a batch of `kind` (the task asked for it). */
function expectKind<K extends IndexTaskResult['kind']>(result: IndexTaskResult, kind: K): Extract<IndexTaskResult, { kind: K }> {
  if (result.kind !== kind) throw new InternalError(`index add: a ${result.kind} batch where ${kind} was expected`);
  return result as Extract<IndexTaskResult, { kind: K }>;
}
