/** The `--workers` flag of the commands that use all cores. */
import { availableParallelism } from 'node:os';
import { OptionsError } from '../../errors';

/** The `--workers` flag, shared by commands that use all cores. */
export function workersOption(): { type: 'number'; describe: string } {
  return { type: 'number', describe: `worker threads [default: number of cores, ${availableParallelism()} here]` };
}

/** Validate `--workers`. */
export function resolveWorkers(value: number | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!Number.isInteger(value) || value < 1 || value > 256) {
    throw new OptionsError('workers', `must be a whole number from 1 to 256 (got ${String(value)})`);
  }
  return value;
}
