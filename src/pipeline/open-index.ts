/**
 * Opening an index for work: the store, and the options its parameters
 * dictate (the user's alignment and attribution options on top; a
 * signature option the user gave that the index was not made with is an
 * error).
 */
import { resolveOptions, type ResolvedOptions, type ScanOptions } from '../options';
import { indexParametersOf, openIndexStore, resolveIndexOptions, type IndexStore } from '../store';
import { createWindowHasher, resolveBanding } from './find-candidates';
import { describeParameters } from './scan';

/** An open index and the options to use it with. */
export interface OpenedIndex {
  readonly store: IndexStore;
  readonly options: ResolvedOptions;
}

/** How to open an index. */
export interface OpenIndexHow {
  /** Create the index from `options` when the file does not exist. @default false */
  readonly create?: boolean;
  /** Told when another process holds the write lock and this one waits. */
  readonly onWait?: (file: string) => void;
  /** How long a write waits for the lock (ms; blocks the thread). @default WRITE_WAIT_MS (60 s) */
  readonly writeWaitMs?: number;
}

/**
 * Open the index in `file`.
 *
 * @throws InputError (missing file), FormatError (not an index, damaged),
 *   ParameterMismatchError (options the index was not made with).
 */
export function openIndex(file: string, options: ScanOptions, how: OpenIndexHow = {}): OpenedIndex {
  const create = how.create === true
    ? () => {
        const resolved = resolveOptions(options);
        return indexParametersOf(describeParameters(resolved, resolveBanding(resolved)), resolved, createWindowHasher(resolved).params);
      }
    : undefined;
  const store = openIndexStore(file, {
    ...(create !== undefined ? { create } : {}),
    ...(how.onWait !== undefined ? { onWait: how.onWait } : {}),
    ...(how.writeWaitMs !== undefined ? { writeWaitMs: how.writeWaitMs } : {}),
  });
  try {
    return { store, options: resolveIndexOptions(file, store.parameters, options, (r) => createWindowHasher(r).params) };
  } catch (error: unknown) {
    store.close();
    throw error;
  }
}
