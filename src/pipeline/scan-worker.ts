/** Worker thread of a scan: serves sketch, sign and align batches and the index's (see `scan-tasks.ts`). */
import { workerData } from 'node:worker_threads';
import { transferOfResult, workerTaskHandler, type ScanWorkerData } from './scan-tasks';
import { serveTasks } from './worker-pool';

serveTasks(workerTaskHandler(workerData as ScanWorkerData), { transferList: transferOfResult });
