/**
 * Worker thread for `alignPanPairs`: one task is a batch of pairs (all with
 * the same suspicious document, usually), answered with their detections.
 * {@link batchAligner} is also what `alignPanPairs` runs in one thread.
 */
import { workerData } from 'node:worker_threads';
import type { PanDetection } from '../eval';
import type { PanAlignJob } from './align-pan-pairs';
import { PanAligner, type PanAlignerConfig } from './pan-aligner';
import { serveTasks, type TaskHandler } from './worker-pool';

/** Aligns each batch's pairs in order, with one aligner (and its document cache) for every batch. */
export function batchAligner(config: PanAlignerConfig): TaskHandler<PanAlignJob['pairs'], PanDetection[][]> {
  const aligner = new PanAligner(config);
  return async (pairs) => {
    const detections: PanDetection[][] = [];
    for (const p of pairs) detections.push(await aligner.align(p.susp, p.src));
    return detections;
  };
}

// Serve only when started as the worker's script, not when imported.
if (require.main === module) serveTasks(batchAligner(workerData as PanAlignerConfig));
