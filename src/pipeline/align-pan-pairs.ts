/**
 * Align a list of PAN-style pairs on all cores. Pairs are batched by
 * suspicious document (its preparation is cached in the worker that gets it)
 * and handed to idle workers; results come back in the pairs' order.
 *
 * When compiled (`dist/`), work runs in `worker_threads`; from TypeScript
 * sources (tests) or with one worker it runs in this thread, same code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { alignSettingsOf } from '../align';
import type { PanDetection } from '../eval';
import { InputError, InternalError } from '../errors';
import type { ResolvedOptions } from '../options';
import type { WorkerReply, WorkerRequest } from './align-pool-protocol';
import { PanAligner, type PanAlignerConfig } from './pan-aligner';

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

function batchesOf(pairs: PanAlignJob['pairs']): number[][] {
  const bySusp = new Map<string, number[]>();
  pairs.forEach((p, i) => {
    const list = bySusp.get(p.susp);
    if (list === undefined) bySusp.set(p.susp, [i]);
    else list.push(i);
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
  const results: PanDetection[][] = new Array<PanDetection[]>(job.pairs.length);
  let done = 0;
  const store = (batch: number[], detections: PanDetection[][]): void => {
    batch.forEach((pairIndex, k) => {
      results[pairIndex] = detections[k] ?? [];
    });
    done += batch.length;
    run.onProgress?.(done, job.pairs.length);
  };
  const threads = Math.min(run.workers, batches.length);
  if (threads <= 1 || !existsSync(WORKER_SCRIPT) || __filename.endsWith('.ts')) {
    const aligner = new PanAligner(config);
    for (const batch of batches) {
      const detections: PanDetection[][] = [];
      for (const i of batch) {
        const p = job.pairs[i];
        if (p !== undefined) detections.push(await aligner.align(p.susp, p.src));
      }
      store(batch, detections);
    }
    return results;
  }
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let active = 0;
    let failed = false;
    const finish = (error?: Error): void => {
      if (failed) return;
      if (error !== undefined) failed = true;
      for (const w of workers) void w.terminate();
      if (error !== undefined) reject(error);
      else resolve();
    };
    const feed = (w: Worker): void => {
      const b = next++;
      const batch = batches[b];
      if (batch === undefined) {
        if (active === 0) finish();
        return;
      }
      active++;
      const request: WorkerRequest = { batch: b, pairs: batch.map((i) => job.pairs[i] ?? { susp: '', src: '' }) };
      w.postMessage(request);
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(WORKER_SCRIPT, { workerData: config });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        active--;
        if (reply.kind === 'error') {
          finish(reply.name === 'InputError' ? new InputError(reply.where || 'input', reply.message.replace(`${reply.where}: `, '')) : new InternalError(reply.message));
          return;
        }
        store(batches[reply.batch] ?? [], reply.detections);
        feed(w);
        if (active === 0 && next >= batches.length) finish();
      });
      w.on('error', (error) => finish(new InternalError(`worker failed: ${error.message}`, { cause: error })));
    }
    for (const w of workers) feed(w);
  });
  return results;
}
