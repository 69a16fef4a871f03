/**
 * The three batches of work a scan hands out — sketch texts, sign sketches,
 * align candidate pairs — as pure functions of their input, run in worker
 * threads (`scan-worker.ts`) or in this thread: the same code either way, so
 * the report does not depend on the number of workers.
 */
import { join } from 'node:path';
import type { Article, Pair } from '../model';
import type { ResolvedOptions } from '../options';
import { comparePair } from './compare-pair';
import { createWindowHasher, signWindows, type CandidateDocumentPair, type SignableDocument } from './find-candidates';
import { PreparedDocuments } from './prepared-documents';
import { streamPool } from './worker-pool';
import { markSketchBoilerplate, sketchDocument, sketchSettingsOf, type DocumentSketch } from './sketch-document';

/** One batch of scan work. */
export type ScanTask =
  | { readonly kind: 'sketch'; readonly texts: readonly string[] }
  | { readonly kind: 'sign'; readonly sketches: readonly SignableDocument[] }
  /** `pairs` index into the batch's own `articles`. */
  | { readonly kind: 'align'; readonly articles: readonly Article[]; readonly pairs: readonly CandidateDocumentPair[] };

/** What a batch gives back, by kind: sketches, window signatures, pairs (null: not confirmed). */
export type ScanTaskResult = readonly DocumentSketch[] | readonly Uint32Array[] | readonly (Pair | null)[];

/** What every worker of a scan phase is given. */
export interface ScanWorkerData {
  readonly options: ResolvedOptions;
  /** The collection's blocked k-grams (empty before they are known). */
  readonly blocked: Uint32Array;
}

/** The handler for scan batches; one per worker (or one in this thread). */
export function scanTaskHandler(data: ScanWorkerData): (task: ScanTask) => ScanTaskResult {
  const { options } = data;
  const blocked = new Set(data.blocked);
  const settings = sketchSettingsOf(options);
  const hasher = createWindowHasher(options);
  return (task) => {
    switch (task.kind) {
      case 'sketch':
        return task.texts.map((text) => sketchDocument(text, settings));
      case 'sign':
        return task.sketches.map((sketch) => {
          markSketchBoilerplate(sketch, blocked, options.anchorSize);
          return signWindows(sketch, hasher, options.shingleSize);
        });
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

/** The compiled worker script that serves scan tasks. */
const SCAN_WORKER_SCRIPT = join(__dirname, 'scan-worker.js');

/**
 * Run scan tasks (drawn lazily, as threads are free) on `workers` threads, or
 * in this thread; `onResult(index, result)` sees each result as it arrives,
 * in any order.
 */
export function runScanTasks(
  data: ScanWorkerData,
  workers: number,
  tasks: Iterable<ScanTask>,
  onResult: (index: number, result: ScanTaskResult) => void,
): Promise<void> {
  return streamPool<ScanTask, ScanTaskResult>({
    script: SCAN_WORKER_SCRIPT,
    workerData: data,
    workers,
    tasks,
    inline: () => scanTaskHandler(data),
    onResult,
  });
}
