/**
 * The three batches of work a scan hands out — sketch texts, sign sketches,
 * align candidate pairs — as pure functions of their input, run in worker
 * threads (`scan-worker.ts`) or in this thread: the same code either way, so
 * the report does not depend on the number of workers. Sketch and sign
 * batches go and come back packed ({@link SketchBatch}, {@link SignedBatch}):
 * what the main thread does with them is a few appends a batch.
 *
 * `index add` uses more, whose results are what the index stores, so the
 * main thread only writes: 'index-sketch' (the scan's sketch batch and the
 * deflated texts), and 'index-sign-batch' (a write batch's low 16 bits of the
 * window signatures, and its posting entries sorted, as the store writes
 * them); at the end of the run, 'index-merge-range' (one key range of the
 * final merge of the posting segments, read from the index file).
 * Packed buffers are the result's own, moved to the main thread rather than
 * copied ({@link transferOfResult}).
 */
import { join } from 'node:path';
import type { Article, Pair } from '../model';
import type { ResolvedOptions } from '../options';
import { InternalError } from '../errors';
import { lowBits } from '../minhash';
import { computeWindowBandKeys, encodeText, SegmentRangeReader, sortBatchPostings, type MergeSource, type SortedBatch, type SortedEntries } from '../store';
import { comparePair } from './compare-pair';
import { bandMajorRows, createWindowHasher, resolveBanding, signWindows, type CandidateDocumentPair, type SignableDocument } from './find-candidates';
import { buffersOf, packArrays, unpackArray, type PackedArrays } from './packed-arrays';
import { PreparedDocuments } from './prepared-documents';
import { readSpooledTexts, type TaskTexts } from './spooled-records';
import { streamPool, WorkerPool } from './worker-pool';
import { blockedGramSets, type BlockedGrams, type BlockedGramSets } from './find-boilerplate';
import { markSketchBoilerplate, sketchDocument, sketchSettingsOf, type SketchSettings } from './sketch-document';

/** One batch of scan work. */
export type ScanTask =
  /** The collection's blocked k-grams, known once every text is sketched: a pool's set-up for the sign and align batches. */
  | { readonly kind: 'blocked'; readonly grams: BlockedGrams }
  | { readonly kind: 'sketch'; readonly texts: TaskTexts }
  | { readonly kind: 'sign'; readonly sketches: PackedSketches }
  /** `pairs` index into the batch's own `articles`. */
  | { readonly kind: 'align'; readonly articles: readonly Article[]; readonly pairs: readonly CandidateDocumentPair[] };

/** The texts of a batch. */
function textsOf(texts: TaskTexts): readonly string[] {
  return 'file' in texts ? readSpooledTexts(texts) : texts;
}

/** What a batch gives back, by kind: sketches, window signatures, pairs (null: not confirmed); nothing for 'blocked'. */
export type ScanTaskResult = ScanSketchBatch | SignedBatch | readonly (Pair | null)[];

/** The sign inputs of a batch's sketches, packed (`mask` has the same ends as `hashes`). */
export interface PackedSketches {
  readonly hashes: PackedArrays<Uint32Array>;
  readonly mask: Uint8Array;
  readonly windows: PackedArrays<Uint32Array>;
}

/** A batch of texts sketched: what signing reads, and each document's distinct anchor k-grams, sorted. */
export interface SketchBatch {
  readonly sketches: PackedSketches;
  readonly grams: PackedArrays<Uint32Array>;
}

/** What a scan's 'sketch' batch gives back. */
export interface ScanSketchBatch extends SketchBatch {
  readonly kind: 'sketch';
}

/**
 * What a scan's 'sign' batch gives back, as `CandidateCollector.addSigned`
 * takes it: the low 16 bits of each document's window signatures (`lowBits`),
 * and the band rows of all of them, band by band (`bandMajorRows`).
 */
export interface SignedBatch {
  readonly kind: 'sign';
  readonly signatures: PackedArrays<Uint16Array>;
  readonly bandRows: Uint16Array;
}

/**
 * One batch of `index add` work: sketch texts; sign a write batch: the
 * sketches of several 'index-sketch' results, in order, their band keys
 * sorted together; merge the keys `[lo, hi)` of the workers' `merge` source.
 */
export type IndexTask =
  | { readonly kind: 'index-sketch'; readonly texts: TaskTexts }
  | { readonly kind: 'index-sign-batch'; readonly sketches: readonly PackedSketches[] }
  | { readonly kind: 'index-merge-range'; readonly lo: number; readonly hi: number };

/** What an 'index-sketch' batch gives back: the scan's sketch batch, and each text as the index stores it (`encodeText`). */
export interface IndexSketchBatch extends SketchBatch {
  readonly kind: 'index-sketch';
  readonly storedTexts: PackedArrays<Uint8Array>;
}

/** What an 'index-sign-batch' batch gives back: what the index stores of a write batch's signatures. */
export interface IndexWriteBatch {
  readonly kind: 'index-sign-batch';
  /** The low 16 bits of each window signature (`lowBits`), documents in order across the task's sketches. */
  readonly signatures: PackedArrays<Uint16Array>;
  /** The batch's (band key, position) entries, sorted, and each document's number of distinct keys (`sortBatchPostings`). */
  readonly postings: SortedBatch;
}

/** What an 'index-merge-range' batch gives back: the range's merged live entries (`SegmentRangeReader.range`). */
export interface IndexMergedRange {
  readonly kind: 'index-merge-range';
  readonly entries: SortedEntries;
}

/** What an index batch gives back, by kind. */
export type IndexTaskResult = IndexSketchBatch | IndexWriteBatch | IndexMergedRange;

/** The buffers of packed sketches, to move them with their task or result. */
export function transferOfSketches(sketches: PackedSketches): ArrayBuffer[] {
  return [...buffersOf(sketches.hashes), sketches.mask.buffer as ArrayBuffer, ...buffersOf(sketches.windows)];
}

/** Sketch `texts` (`sketchDocument`) into one packed batch. Pure. */
export function sketchBatch(texts: readonly string[], settings: SketchSettings): SketchBatch {
  const sketches = texts.map((text) => sketchDocument(text, settings));
  const pack = <A extends Uint8Array | Uint32Array>(part: (s: (typeof sketches)[number]) => A, make: (n: number) => A): PackedArrays<A> => packArrays(sketches.map(part), make);
  const words = (n: number): Uint32Array => new Uint32Array(n);
  return {
    sketches: { hashes: pack((s) => s.hashes, words), mask: pack((s) => s.mask, (n) => new Uint8Array(n)).values, windows: pack((s) => s.windows, words) },
    grams: pack((s) => s.grams, words),
  };
}

/** Each document of packed sketches signed by `sign`, in order. */
function signPacked({ hashes, mask, windows }: PackedSketches, sign: (sketch: SignableDocument) => Uint32Array): Uint32Array[] {
  return Array.from(hashes.ends, (_, d) =>
    sign({ hashes: unpackArray(hashes, d), mask: unpackArray({ values: mask, ends: hashes.ends }, d), windows: unpackArray(windows, d) }),
  );
}

/** The low 16 bits of each document's window signatures (`lowBits`), packed: what the scan and the index keep of them. */
function packLowBits(signatures: readonly Uint32Array[]): PackedArrays<Uint16Array> {
  return packArrays(signatures.map(lowBits), (n) => new Uint16Array(n));
}

/** What every worker of a scan phase is given. */
export interface ScanWorkerData {
  readonly options: ResolvedOptions;
  /** The collection's blocked k-grams (empty before they are known). */
  readonly blocked: BlockedGrams;
  /** What 'index-merge-range' tasks read. */
  readonly merge?: MergeSource;
}

/** Marks a sketch's collection boilerplate (in place) and signs its windows: the scan's sign step. */
function createSigner(options: ResolvedOptions, blocked: BlockedGramSets): (sketch: SignableDocument) => Uint32Array {
  const hasher = createWindowHasher(options);
  return (sketch) => {
    markSketchBoilerplate(sketch, blocked, options);
    return signWindows(sketch, hasher, options.shingleSize);
  };
}

/** The handler for scan batches; one per worker (or one in this thread). */
export function scanTaskHandler(data: ScanWorkerData): (task: ScanTask) => ScanTaskResult {
  const { options } = data;
  let blocked = blockedGramSets(data.blocked);
  const settings = sketchSettingsOf(options);
  const banding = resolveBanding(options);
  let sign = createSigner(options, blocked);
  return (task) => {
    switch (task.kind) {
      case 'blocked':
        blocked = blockedGramSets(task.grams);
        sign = createSigner(options, blocked);
        return [];
      case 'sketch':
        return { kind: 'sketch', ...sketchBatch(textsOf(task.texts), settings) };
      case 'sign': {
        const signatures = packLowBits(signPacked(task.sketches, sign));
        return { kind: 'sign', signatures, bandRows: bandMajorRows(signatures.values, options.numPerm, banding) };
      }
      case 'align': {
        const docs = new PreparedDocuments(task.articles, task.pairs, options, blocked);
        return task.pairs.map((p, i) => {
          const pair = comparePair(docs.get(p.a), docs.get(p.b), p.estimatedSimilarity, options);
          docs.done(i);
          return pair;
        });
      }
    }
  };
}

/**
 * The handler for index batches: the scan's sketch and sign steps, plus what
 * the index stores of their results (the deflated text; the low 16 bits of
 * the signatures and the write batch's band-key entries, sorted), packed a
 * batch at a time.
 */
export function indexTaskHandler(data: ScanWorkerData): (task: IndexTask) => IndexTaskResult {
  const { options } = data;
  const settings = sketchSettingsOf(options);
  const sign = createSigner(options, blockedGramSets(data.blocked));
  const { bands, rows } = resolveBanding(options);
  let merging: SegmentRangeReader | undefined;
  return (task) => {
    switch (task.kind) {
      case 'index-sketch': {
        const texts = textsOf(task.texts);
        return {
          kind: 'index-sketch',
          ...sketchBatch(texts, settings),
          storedTexts: packArrays<Uint8Array>(
            texts.map((text) => encodeText(text)),
            (n) => new Uint8Array(n),
          ),
        };
      }
      case 'index-merge-range': {
        if (data.merge === undefined) throw new InternalError('index-merge-range task without a merge source');
        merging ??= new SegmentRangeReader(data.merge);
        return { kind: 'index-merge-range', entries: merging.range(task.lo, task.hi) };
      }
      case 'index-sign-batch': {
        const signed = task.sketches.flatMap((sketches) => signPacked(sketches, sign));
        return {
          kind: 'index-sign-batch',
          signatures: packLowBits(signed),
          // One sort of the whole write batch's keys, repeats and all: the main thread then writes the entries as they are.
          postings: sortBatchPostings(signed.map((signatures) => computeWindowBandKeys(signatures, options.numPerm, bands, rows))),
        };
      }
    }
  };
}

/** A task the scan worker serves: a scan's or an index's. */
export type WorkerTask = ScanTask | IndexTask;

/** The worker's handler: scan and index batches (each handler made when its first batch comes). */
export function workerTaskHandler(data: ScanWorkerData): (task: WorkerTask) => ScanTaskResult | IndexTaskResult {
  let scan: ((task: ScanTask) => ScanTaskResult) | undefined;
  let index: ((task: IndexTask) => IndexTaskResult) | undefined;
  return (task) => {
    if (task.kind === 'index-sketch' || task.kind === 'index-sign-batch' || task.kind === 'index-merge-range') return (index ??= indexTaskHandler(data))(task);
    return (scan ??= scanTaskHandler(data))(task);
  };
}

/**
 * The buffers a worker moves to the main thread with a result: those of the
 * sketch and sign batches, packed for the result and kept nowhere else. An
 * align batch's pairs are copied.
 */
export function transferOfResult(result: ScanTaskResult | IndexTaskResult): ArrayBuffer[] {
  if (Array.isArray(result)) return [];
  const batch = result as Exclude<ScanTaskResult | IndexTaskResult, readonly (Pair | null)[]>;
  switch (batch.kind) {
    case 'sketch':
      return [...transferOfSketches(batch.sketches), ...buffersOf(batch.grams)];
    case 'sign':
      return [...buffersOf(batch.signatures), batch.bandRows.buffer as ArrayBuffer];
    case 'index-sketch':
      return [...transferOfSketches(batch.sketches), ...buffersOf(batch.grams), ...buffersOf(batch.storedTexts)];
    case 'index-sign-batch':
      return [...buffersOf(batch.signatures), batch.postings.entries.buffer as ArrayBuffer, batch.postings.distinct.buffer as ArrayBuffer];
    case 'index-merge-range':
      return [batch.entries.buffer as ArrayBuffer];
  }
}

/** The compiled worker script that serves scan tasks. */
const SCAN_WORKER_SCRIPT = join(__dirname, 'scan-worker.js');

/**
 * A pool for a scan's batches on `workers` threads (or this thread), the
 * same threads for all its phases. Hand it
 * the blocked k-grams ('blocked') with {@link WorkerPool.setUp} once they are
 * known.
 */
export function openScanPool(data: ScanWorkerData, workers: number): WorkerPool<ScanTask, ScanTaskResult> {
  return new WorkerPool<ScanTask, ScanTaskResult>({
    script: SCAN_WORKER_SCRIPT,
    workerData: data,
    workers,
    inline: () => scanTaskHandler(data),
    transferList: (task) => (task.kind === 'sign' ? transferOfSketches(task.sketches) : []),
  });
}

/** Run index batches (drawn lazily, as threads are free) on `workers` threads, or in this thread, with the scan's worker script; packed sketches and results are moved between threads, not copied. */
export function runIndexTasks(
  data: ScanWorkerData,
  workers: number,
  tasks: Iterable<IndexTask>,
  onResult: (index: number, result: IndexTaskResult) => void,
): Promise<void> {
  return streamPool<IndexTask, IndexTaskResult>({
    script: SCAN_WORKER_SCRIPT,
    workerData: data,
    workers,
    tasks,
    inline: () => indexTaskHandler(data),
    onResult,
    transferList: (task) => {
      switch (task.kind) {
        case 'index-sketch':
          return [];
        case 'index-sign-batch':
          return task.sketches.flatMap(transferOfSketches);
        case 'index-merge-range':
          return [];
      }
    },
  });
}
