/** Worker thread of a scan: serves sketch, sign and align batches and the index's (see `scan-tasks.ts`). */
import { workerData } from 'node:worker_threads';
import { transferOfResult, workerTaskHandler, type ScanWorkerData } from './scan-tasks';
import { serveTasks } from './worker-pool';
import { collectGarbage } from './collect-garbage';

/** Tasks between full collections: a worker's copies of what it sent back are external memory V8 is slow to reclaim. */
const COLLECT_EVERY = 16;

const handler = workerTaskHandler(workerData as ScanWorkerData);
let served = 0;
serveTasks(
  (task: Parameters<typeof handler>[0]) => {
    if (++served % COLLECT_EVERY === 0) collectGarbage();
    return handler(task);
  },
  { transferList: transferOfResult },
);
