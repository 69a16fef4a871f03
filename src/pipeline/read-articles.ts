/** Reading articles with the ingest settings of scan options (fields, manifest, outlets, strictness, stdin). */
import { readInputs, readInputsToStore, type IngestOptions, type IngestResult } from '../ingest';
import type { StoredArticle, TextStore, Warning } from '../model';
import type { ScanOptions } from '../options';

/** Read `paths` as `scan` reads its inputs (`onRead`: bytes read of their total, as `IngestOptions.onRead`). */
export function readArticles(paths: readonly string[], options: ScanOptions, onRead?: (read: number, total: number | null) => void): Promise<IngestResult> {
  return readInputs(paths, { ...ingestOptionsOf(options), ...(onRead !== undefined ? { onRead } : {}) });
}

/** {@link readArticles}, each text put in `store` as it is read and each article handed to `keep` (see `readInputsToStore`). */
export function readArticlesToStore<T extends { readonly id: string }>(
  paths: readonly string[],
  options: ScanOptions,
  store: TextStore,
  keep: (article: StoredArticle) => T,
  onRead?: (read: number, total: number | null) => void,
): Promise<{ readonly articles: T[]; readonly warnings: Warning[] }> {
  return readInputsToStore(paths, { ...ingestOptionsOf(options), ...(onRead !== undefined ? { onRead } : {}) }, store, keep);
}

/** The ingest options of scan options. */
function ingestOptionsOf(options: ScanOptions): IngestOptions {
  return {
    fields: options.fields ?? {},
    strict: options.strict ?? false,
    ...(options.manifest !== undefined ? { manifest: options.manifest } : {}),
    ...(options.outlets !== undefined ? { outlets: options.outlets } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  };
}
