/** Reading articles with the ingest settings of scan options (fields, manifest, outlets, strictness, stdin). */
import { readInputs, readInputsToStore, type IngestOptions, type IngestResult } from '../ingest';
import { InternalError } from '../errors';
import type { Article, StoredArticle, TextStore, Warning } from '../model';
import type { ScanOptions } from '../options';
import type { ScanSpace } from './byte-log';
import { SpooledDocuments, type KeptArticle, type ScanDocuments } from './scan-documents';
import { SpooledTexts } from './spooled-records';

/** Read `paths` as `scan` reads its inputs (`onRead`: bytes read of their total, as `IngestOptions.onRead`). */
export function readArticles(paths: readonly string[], options: ScanOptions, onRead?: (read: number, total: number | null) => void): Promise<IngestResult> {
  return readInputs(paths, { ...ingestOptionsOf(options), ...(onRead !== undefined ? { onRead } : {}) });
}

/** {@link readArticles}, each text put in `store` as it is read and each article handed to `keep` with its text (see `readInputsToStore`). */
export function readArticlesToStore<T extends { readonly id: string }>(
  paths: readonly string[],
  options: ScanOptions,
  store: TextStore,
  keep: (article: StoredArticle, text: () => string) => T,
  onRead?: (read: number, total: number | null) => void,
): Promise<{ readonly articles: T[]; readonly warnings: Warning[] }> {
  return readInputsToStore(paths, { ...ingestOptionsOf(options), ...(onRead !== undefined ? { onRead } : {}) }, store, keep);
}

/** Inputs read into a {@link ScanSpace}: their documents in id order, what each keeps in memory, and the texts. */
export interface ReadToSpace {
  readonly docs: ScanDocuments;
  readonly kept: readonly KeptArticle[];
  /** `digest` of each document (in id order), when one was given. */
  readonly digests: readonly string[] | null;
  readonly texts: SpooledTexts;
  readonly warnings: Warning[];
}

/**
 * {@link readArticles}, each text put in `space` as it is read, and its
 * metadata too: a dump's articles, a few hundred bytes each in memory.
 * `onProgress('read', …)`: megabytes read of their total, as scan and index
 * progress count them ({@link megabytesRead}). `digest` (e.g. the index's
 * content hash) is taken of each article while its text is at hand, rather
 * than read back later.
 */
export async function readToSpace(
  paths: readonly string[],
  options: ScanOptions,
  space: ScanSpace,
  onProgress?: (phase: 'read', done: number, total: number) => void,
  digest?: (article: Article) => string,
): Promise<ReadToSpace> {
  const onRead = onProgress === undefined ? undefined : (read: number, total: number | null): void => onProgress('read', ...megabytesRead(read, total));
  const texts = new SpooledTexts(space.log('texts'));
  const spooled = new SpooledDocuments(space.log('metadata'), texts);
  const { articles, warnings } = await readArticlesToStore(paths, options, texts, (a, text) => ({ ...spooled.keep(a), digest: digest?.({ ...a, text: text() }) ?? null }), onRead);
  const digests =
    digest === undefined
      ? null
      : articles.map((a) => {
          if (a.digest === null) throw new InternalError(`readToSpace: no digest of ${a.id}`);
          return a.digest;
        });
  return { docs: spooled.sorted(articles), kept: articles, digests, texts, warnings };
}

/** Bytes read of a total as progress shows them: whole MB (10^6 bytes), read rounded down, the total up (0: unknown, as on stdin). */
export function megabytesRead(read: number, total: number | null): [read: number, total: number] {
  return [Math.floor(read / 1e6), total === null ? 0 : Math.ceil(total / 1e6)];
}

/** The ingest options of scan options. */
function ingestOptionsOf(options: ScanOptions): IngestOptions {
  return {
    fields: options.fields ?? {},
    strict: options.strict ?? false,
    ...(options.manifest !== undefined ? { manifest: options.manifest } : {}),
    ...(options.outlets !== undefined ? { outlets: options.outlets } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    ...(options.stdinFormat !== undefined ? { stdinFormat: options.stdinFormat } : {}),
  };
}
