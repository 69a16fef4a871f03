/** Reading articles with the ingest settings of scan options (fields, manifest, outlets, strictness, stdin). */
import { readInputs, type IngestResult } from '../ingest';
import type { ScanOptions } from '../options';

/** Read `paths` as `scan` reads its inputs. */
export function readArticles(paths: readonly string[], options: ScanOptions): Promise<IngestResult> {
  return readInputs(paths, {
    fields: options.fields ?? {},
    strict: options.strict ?? false,
    ...(options.manifest !== undefined ? { manifest: options.manifest } : {}),
    ...(options.outlets !== undefined ? { outlets: options.outlets } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  });
}
