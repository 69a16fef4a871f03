/**
 * `scan --index FILE`: the articles a scan reads also go into the index (as
 * `index add` would put them), so batch runs and pre-publication checks share
 * one archive. The index is opened (and its parameters checked) before the
 * scan, so a mismatch fails before a long run; the articles are added after
 * the report is written, signed with the index's parameters.
 */
import type { ScanOptions } from '../../options';
import { addInputsToIndex } from '../../pipeline/index-articles';
import { openIndex } from '../../pipeline/open-index';
import { UsageError } from '../exit-codes';
import type { Io } from '../io';
import { waitNotice } from './index-flags';

/** The `--index` option of `scan`. */
export const SCAN_INDEX_OPTION = {
  type: 'string',
  describe: 'also add the scanned articles to this index (created if missing), for later checks',
} as const;

/** An index a scan adds its articles to. */
export interface ScanIndex {
  /** Read `paths` again, add their articles and close the index; one line on stderr unless quiet. */
  addAndClose(paths: readonly string[], workers: number): Promise<void>;
  /** Close without adding. */
  close(): void;
}

/** Open the index of `scan --index`, or `null` without the flag. */
export function openScanIndex(file: string | undefined, paths: readonly string[], options: ScanOptions, io: Io, quiet: boolean): ScanIndex | null {
  if (file === undefined) return null;
  if (paths.includes('-')) throw new UsageError('scan --index reads its inputs twice (to scan, then to index) and cannot take - (standard input); index a file instead');
  const { store, options: indexOptions } = openIndex(file, options, { create: true, onWait: waitNotice(io, quiet) });
  return {
    async addAndClose(inputs, workers) {
      try {
        const r = await addInputsToIndex(store, inputs, options, indexOptions, { workers });
        if (!quiet) io.stderr(`reprint: ${file}: ${r.added} added, ${r.replaced} replaced, ${r.unchanged} unchanged; ${r.documents} articles in the index\n`);
      } finally {
        store.close();
      }
    },
    close: () => store.close(),
  };
}
