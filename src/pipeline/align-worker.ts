/**
 * Worker thread for `alignPanPairs`: receives batches of pairs, answers with
 * their detections (or the one-line error that stopped it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PanAligner, type PanAlignerConfig } from './pan-aligner';
import type { WorkerReply, WorkerRequest } from './align-pool-protocol';

const aligner = new PanAligner(workerData as PanAlignerConfig);

parentPort?.on('message', (request: WorkerRequest) => {
  void (async () => {
    try {
      const detections = [];
      for (const p of request.pairs) detections.push(await aligner.align(p.susp, p.src));
      const reply: WorkerReply = { kind: 'done', batch: request.batch, detections };
      parentPort?.postMessage(reply);
    } catch (error: unknown) {
      const reply: WorkerReply = {
        kind: 'error',
        batch: request.batch,
        name: error instanceof Error ? error.constructor.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        where: (error as { where?: string }).where ?? '',
      };
      parentPort?.postMessage(reply);
    }
  })();
});
