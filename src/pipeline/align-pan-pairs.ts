/**
 * Align a list of PAN-style pairs on all cores. Pairs are batched by
 * suspicious document (its preparation is cached in the worker that gets it)
 * and handed to idle `align-worker` threads by {@link runPool}; results come
 * back in the pairs' order.
 *
 * When compiled (`dist/`), work runs in `worker_threads`; from TypeScript
 * sources (tests) or with one worker it runs in this thread, same code.
 */
import { join } from 'node:path';
import { alignSettingsOf } from '../align';
import type { PanDetection } from '../eval';
import type { ResolvedOptions } from '../options';
import { batchAligner } from './align-worker';
import type { PanAlignerConfig } from './pan-aligner';
import { runPool } from './worker-pool';

/** What to align. */
export interface PanAlignJob {
  readonly suspDir: string;
  readonly srcDir: string;
  readonly pairs: readonly { readonly susp: string; readonly src: string }[];
}

/** How to run it. */
export interface RunOptions {
  /** Worker threads (1 = this thread). */
  readonly workers: number;
  /** Called after each batch with pairs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Pairs grouped by suspicious document, with their places in the job. */
interface Batch {
  readonly indices: number[];
  readonly pairs: PanAlignJob['pairs'][number][];
}

function batchesOf(pairs: PanAlignJob['pairs']): Batch[] {
  const bySusp = new Map<string, Batch>();
  pairs.forEach((p, i) => {
    const batch = bySusp.get(p.susp);
    if (batch === undefined) bySusp.set(p.susp, { indices: [i], pairs: [p] });
    else {
      batch.indices.push(i);
      batch.pairs.push(p);
    }
  });
  return [...bySusp.values()];
}

const WORKER_SCRIPT = join(__dirname, 'align-worker.js');

/** Detections for every pair, in the order of `job.pairs`. */
export async function alignPanPairs(job: PanAlignJob, options: ResolvedOptions, run: RunOptions): Promise<PanDetection[][]> {
  const config: PanAlignerConfig = {
    suspDir: job.suspDir,
    srcDir: job.srcDir,
    settings: alignSettingsOf(options),
    maxSentenceWords: options.maxSentenceWords,
    boilerplate: options.boilerplate,
  };
  const batches = batchesOf(job.pairs);
  let done = 0;
  const detections = await runPool({
    script: WORKER_SCRIPT,
    workerData: config,
    workers: run.workers,
    tasks: batches.map((batch) => batch.pairs),
    inline: () => batchAligner(config),
    onResult: (b) => {
      done += batches[b]?.indices.length ?? 0;
      run.onProgress?.(done, job.pairs.length);
    },
  });
  const results = new Array<PanDetection[]>(job.pairs.length);
  batches.forEach((batch, b) => {
    batch.indices.forEach((pairIndex, k) => {
      results[pairIndex] = detections[b]?.[k] ?? [];
    });
  });
  return results;
}
