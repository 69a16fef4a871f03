/**
 * The ingest stage: from paths on disk to articles with metadata. The only stage that
 * touches the file system.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { compareCodeUnits } from '../code-unit-order';
import { InternalError } from '../errors';
import type { Article, ArticleMeta, StoredArticle, Warning } from '../model';
import { assignIds } from './assign-ids';
import { discoverInputs, type InputFile } from './discover-inputs';
import { resolveIngestOptions, type IngestOptions } from './ingest-options';
import { loadManifest, mergeManifests, type Manifest } from './manifest';
import { loadOutlets, mergeOutlets, type OutletRegistry } from './outlets';
import { readArticleFile } from './read-article-file';
import { jsonArrayRecords, JSON_ARRAY_MAX_BYTES } from './read-json-array-records';
import { JSONL_RECORDS, readJsonlFile, type RecordParser } from './read-jsonl-file';
import { tableRecords } from './read-table-records';
import { readWarcFile } from './read-warc-file';
import { NOTHING_STATED, rawDocument, readText, statedParts, type DocumentText, type RawDocument, type TextStore } from './raw-document';
import { resolveMeta } from './resolve-meta';
import { WarningCode } from './warning-codes';

/** Articles sorted by id, and everything that was skipped or degraded on the way. */
export interface IngestResult {
  readonly articles: Article[];
  readonly warnings: Warning[];
}

/**
 * Read articles from files and folders.
 *
 * 1. Find the files ({@link discoverInputs}): a file named directly is read whatever its
 *    extension; folders are walked (hidden entries and `node_modules` skipped, other
 *    files warned about). `outlets.json` / `manifest.json` at a scanned folder's top are
 *    configuration, used unless `options.outlets` / `options.manifest` is given; several
 *    are merged, the later (in the order the folders were given) winning per domain / id.
 * 2. Read each file in that order: `.txt`/`.md` as text, `.html`/`.htm` reduced to text,
 *    `.jsonl`/`.ndjson` (also `.gz`, and `-`: `options.stdin`) one article per line,
 *    `.warc`/`.warc.gz` one article per HTML response ({@link readWarcFile}), `.csv`/`.tsv`
 *    one per row after the header, a `.json` named directly one per object of its array;
 *    all but single-article files and `.json` are streamed. Bad files are skipped with a
 *    warning.
 * 3. Make ids unique ({@link assignIds}): the file name without extension, the JSONL
 *    `id`, or the WARC record id; on a clash the relative path without extension (or
 *    `<file>:<line>`, `<file>#<record>`).
 * 4. Resolve metadata ({@link resolveMeta}): JSONL field > manifest > text > unknown.
 *
 * Warnings are in reading order; articles are sorted by id (code-unit order).
 *
 * @throws InputError when a given path does not exist or cannot be read, a configuration
 *   file is bad, or (with `strict`) a JSONL line is malformed.
 * @throws OptionsError for invalid options.
 */
export async function readInputs(paths: readonly string[], options: IngestOptions = {}): Promise<IngestResult> {
  return ingest(paths, options, null, (id, path, text, meta) => {
    if (typeof text !== 'string') throw new InternalError('readInputs: a text was stored with no store');
    return { id, path, text, meta };
  });
}

/**
 * {@link readInputs} for dumps too large to hold: each text is put in `store`
 * as it is read, and read back to resolve its metadata only when a value the
 * text may state (a URL, a date, a title) is not given otherwise. Each
 * article, once its metadata is resolved, is handed to `keep` with a function
 * that gives its text (read back at most once); `keep` may put the article
 * aside too and return something smaller (default: the article). The
 * documents as read are dropped one by one as they are resolved.
 */
export async function readInputsToStore<T extends { readonly id: string } = StoredArticle>(
  paths: readonly string[],
  options: IngestOptions,
  store: TextStore,
  keep: (article: StoredArticle, text: () => string) => T = (article) => article as unknown as T,
): Promise<{ readonly articles: T[]; readonly warnings: Warning[] }> {
  return ingest(paths, options, store, (id, path, text, meta, read) => {
    if (typeof text === 'string') throw new InternalError('readInputsToStore: a text was not stored');
    return keep({ id, path, text, meta }, read);
  });
}

/** The steps of {@link readInputs}; `make` builds each article from its parts. */
async function ingest<T extends { readonly id: string }>(
  paths: readonly string[],
  options: IngestOptions,
  store: TextStore | null,
  make: (id: string, path: string, text: DocumentText, meta: ArticleMeta, read: () => string) => T,
): Promise<{ articles: T[]; warnings: Warning[] }> {
  const checked = resolveIngestOptions(options);
  const discovered = await discoverInputs(paths, checked.stdinFormat);
  // File sizes only for progress: a folder of many small files is a stat call each.
  const sizes = new Map(options.onRead === undefined ? [] : discovered.files.map((file) => [file, file.source === 'stdin' ? null : sizeOf(file.realPath)]));
  const total = [...sizes.values()].some((size) => size === null) ? null : [...sizes.values()].reduce<number>((n, size) => n + (size ?? 0), 0);
  let read = 0;
  const onBytes = options.onRead === undefined ? null : (bytes: number): void => {
    read += bytes;
    options.onRead?.(read, total);
  };
  const resolved = { ...checked, onBytes };
  const warnings: Warning[] = [...discovered.warnings];

  const registry: OutletRegistry =
    resolved.outlets !== null
      ? await loadOutlets(resolved.outlets)
      : mergeOutlets(await loadAll(discovered.outletsFiles, loadOutlets));
  const manifestFiles = resolved.manifest !== null ? [resolved.manifest] : discovered.manifestFiles;
  const manifests = await loadAll(manifestFiles, loadManifest);
  const manifest: Manifest = mergeManifests(manifests);
  /** Which file each manifest id came from (the later one wins, as in the merge). */
  const manifestOrigin = new Map<string, string>();
  manifests.forEach((loaded, i) => {
    for (const id of loaded.keys()) manifestOrigin.set(id, manifestFiles[i] as string);
  });

  const documents: RawDocument[] = [];
  for (const file of discovered.files) {
    if (file.format !== 'text' && file.format !== 'html') {
      const result = file.format === 'warc' ? await readWarcFile(file, resolved, store) : await readJsonlFile(file, resolved, store, RECORD_PARSERS[file.format]);
      // One push per item: spreading a dump's documents into push() overflows the stack.
      for (const document of result.documents) documents.push(document);
      for (const warning of result.warnings) warnings.push(warning);
      continue;
    }
    const result = await readArticleFile(file, resolved.maxFileBytes, resolved.stdin);
    onBytes?.(sizes.get(file) ?? 0);
    if (!result.ok) {
      warnings.push(result.warning);
      continue;
    }
    documents.push(rawDocument({ ladder: fileIdLadder(file), where: file.display }, { path: file.display, fields: NOTHING_STATED, embedded: result.embedded }, result.text, store));
  }

  const { ids, warnings: idWarnings } = assignIds(documents.map((document) => document.claim));
  for (const warning of idWarnings) warnings.push(warning);

  const articles: T[] = [];
  // Each document as read is dropped once resolved: what is kept is what `make` returns.
  const pending: (RawDocument | undefined)[] = documents;
  for (let i = 0; i < pending.length; i++) {
    const document = pending[i];
    if (document === undefined) throw new InternalError(`ingest: document ${i} resolved twice`);
    pending[i] = undefined;
    const id = ids[i] as string;
    const { path, fields, embedded } = statedParts(document, store);
    // Read back from the store only if needed (a dump's records usually state what the text would be searched for).
    let read: string | undefined;
    const text = (): string => (read ??= readText(document.text, store));
    const { meta, warnings: metaWarnings } = resolveMeta({
      text,
      fields,
      manifest: manifest.get(id),
      embedded,
      registry,
      where: path,
    });
    for (const warning of metaWarnings) warnings.push(warning);
    articles.push(make(id, path, document.text, meta, text));
  }

  const used = new Set(ids);
  for (const id of manifest.keys()) {
    if (!used.has(id)) {
      warnings.push({ code: WarningCode.unknownManifestId, where: manifestOrigin.get(id) ?? 'manifest', message: `manifest entry "${id}" matches no article; ignored` });
    }
  }

  articles.sort((a, b) => compareCodeUnits(a.id, b.id));
  return { articles, warnings };
}

/** How the lines of each kind of record file become records. */
const RECORD_PARSERS: Readonly<Record<'jsonl' | 'csv' | 'tsv' | 'json', RecordParser>> = {
  jsonl: JSONL_RECORDS,
  csv: { parse: tableRecords(',') },
  tsv: { parse: tableRecords('\t') },
  json: { parse: jsonArrayRecords(), maxLineBytes: JSON_ARRAY_MAX_BYTES },
};

/** A file's size in bytes, or 0 when it cannot be read now (reading it will say why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Ids a file may take: name without extension, relative path without it, display path without and with it. */
function fileIdLadder(file: InputFile): readonly [string, ...string[]] {
  const stripped = (path: string): string => path.slice(0, path.length - extname(path).length);
  const name = file.relative.slice(file.relative.lastIndexOf('/') + 1);
  const ladder = [stripped(file.relative), stripped(file.display), file.display].filter((id, i, all) => all.indexOf(id) === i);
  return [stripped(name), ...ladder.filter((id) => id !== stripped(name))];
}

async function loadAll<T>(files: readonly string[], load: (file: string) => Promise<T>): Promise<T[]> {
  const loaded: T[] = [];
  for (const file of files) loaded.push(await load(file));
  return loaded;
}
