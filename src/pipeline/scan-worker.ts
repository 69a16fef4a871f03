/** Worker thread of a scan: serves sketch, sign and align batches (see `scan-tasks.ts`). */
import { workerData } from 'node:worker_threads';
import { scanTaskHandler, type ScanWorkerData } from './scan-tasks';
import { serveTasks } from './worker-pool';

serveTasks(scanTaskHandler(workerData as ScanWorkerData));
