/**
 * The one place the stages are wired: ingest → prepare (normalise, segment) →
 * shingle & sign → LSH candidates → align & verify → attribute → report.
 */
import { join } from 'node:path';
import { buildClusters } from '../cluster';
import { InternalError } from '../errors';
import { readInputs } from '../ingest';
import { NORMALIZER_VERSION } from '../text';
import type { Article, Pair, Report, ReportDocument, Warning } from '../model';
import { resolveOptions, type ResolvedOptions, type ScanOptions } from '../options';
import { alignSettingsOf } from '../align';
import { BoilerplateCounter } from './find-boilerplate';
import { CandidateCollector, resolveBanding, type Banding, type CandidateDocumentPair, type SignableDocument } from './find-candidates';
import { scanTaskHandler, type ScanTask, type ScanTaskResult, type ScanWorkerData } from './scan-tasks';
import type { DocumentSketch } from './sketch-document';
import { inTaskOrder, runPool } from './worker-pool';

/** The JSON report's schema version. */
export const SCHEMA_VERSION = 1 as const;

/** Phases of a scan, in order, as progress reports name them. */
export type ScanPhase = 'prepare' | 'sign' | 'align';

/** Callbacks a long scan reports through; none changes the result. */
export interface ScanHooks {
  /** `done` of `total` units of `phase` finished (documents, or candidate pairs for `align`). */
  readonly onProgress?: (phase: ScanPhase, done: number, total: number) => void;
  /** A confirmed pair, as soon as it is found (before the final ranking). */
  readonly onPair?: (pair: Pair) => void;
}

/** How a scan runs: its callbacks and its threads. None of it changes the report. */
export interface ScanRun extends ScanHooks {
  /** Worker threads (from compiled code; 1 = this thread). @default 1 */
  readonly workers?: number;
}

/** Documents per sketch or sign batch. */
const DOCUMENT_BATCH = 128;
/** Candidate pairs per align batch. */
const PAIR_BATCH = 32;
const WORKER_SCRIPT = join(__dirname, 'scan-worker.js');

/**
 * Scan articles already in memory. Pure: same articles and options, same
 * report, whatever the number of workers.
 *
 * Phases: sketch every text (tokens, windows, page boilerplate) and count
 * k-grams for collection boilerplate; sign the windows (boilerplate left out)
 * into LSH; align the candidate pairs, preparing documents in full only for
 * them. Each phase runs in batches on `run.workers` threads.
 */
export async function scanArticles(
  articles: readonly Article[],
  options: ResolvedOptions,
  warnings: readonly Warning[] = [],
  run: ScanRun = {},
): Promise<Report> {
  const progress = run.onProgress ?? (() => undefined);
  const sorted = sortById(articles);
  /** Run a phase's tasks on the workers; `consume` sees every result in task order, as soon as it can. */
  const inPhase = async (
    phase: ScanPhase,
    blocked: Uint32Array,
    tasks: readonly ScanTask[],
    consume: (result: ScanTaskResult) => void,
  ): Promise<void> => {
    const units = tasks.map(unitsOf);
    const total = units.reduce((sum, u) => sum + u, 0);
    let done = 0;
    progress(phase, 0, total);
    const data: ScanWorkerData = { options, blocked };
    const ordered = inTaskOrder(consume);
    await runPool<ScanTask, ScanTaskResult>({
      script: WORKER_SCRIPT,
      workerData: data,
      workers: run.workers ?? 1,
      tasks,
      inline: () => scanTaskHandler(data),
      onResult: (i, result) => {
        done += units[i] ?? 0;
        progress(phase, done, total);
        ordered(i, result);
      },
    });
  };

  const sketches: SignableDocument[] = [];
  const counter = new BoilerplateCounter();
  const sketchTasks = batches(sorted, DOCUMENT_BATCH).map((b): ScanTask => ({ kind: 'sketch', texts: b.map((a) => a.text) }));
  await inPhase('prepare', EMPTY, sketchTasks, (result) => {
    for (const s of result as readonly DocumentSketch[]) {
      counter.add(s.grams, sorted[sketches.length]?.meta.outlet ?? null);
      sketches.push({ hashes: s.hashes, mask: s.mask, windows: s.windows });
    }
  });
  const blocked = Uint32Array.from(counter.blocked(options));

  const banding = resolveBanding(options);
  const collector = new CandidateCollector(options, banding);
  const signTasks = batches(sketches, DOCUMENT_BATCH).map((b): ScanTask => ({ kind: 'sign', sketches: b }));
  sketches.length = 0;
  let signed = 0;
  await inPhase('sign', blocked, signTasks, (result) => {
    for (const s of result as readonly Uint32Array[]) collector.add(signed++, s);
  });

  const candidates = keepComparable(collector.candidates(options.threshold), sorted, options);
  const found: Pair[] = [];
  const alignTasks = batches(candidates, PAIR_BATCH).map((b) => alignTask(sorted, b));
  await inPhase('align', blocked, alignTasks, (result) => {
    for (const pair of result as readonly (Pair | null)[]) {
      if (pair === null) continue;
      found.push(pair);
      run.onPair?.(pair);
    }
  });
  return buildReport(sorted, found, options, banding, warnings);
}

/** Progress units of a task: documents, or candidate pairs. */
function unitsOf(task: ScanTask): number {
  return task.kind === 'sketch' ? task.texts.length : task.kind === 'sign' ? task.sketches.length : task.pairs.length;
}

const EMPTY = new Uint32Array(0);

/** `items` cut into consecutive batches of at most `size`. */
function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An align batch: its pairs and the articles they need, re-indexed. */
function alignTask(sorted: readonly Article[], pairs: readonly CandidateDocumentPair[]): ScanTask {
  const local = new Map<number, number>();
  const articles: Article[] = [];
  const at = (doc: number): number => {
    let i = local.get(doc);
    if (i === undefined) {
      i = articles.length;
      local.set(doc, i);
      const a = sorted[doc];
      if (a === undefined) throw new InternalError(`scan: candidate names document ${doc} of ${sorted.length}`);
      articles.push(a);
    }
    return i;
  };
  return { kind: 'align', articles, pairs: pairs.map((c) => ({ a: at(c.a), b: at(c.b), estimatedSimilarity: c.estimatedSimilarity })) };
}

/** Articles in id order (the order every stage and the report use). */
function sortById(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => compare(a.id, b.id));
}

/** Candidates worth aligning: same-outlet pairs go unless the options keep them. */
function keepComparable(
  candidates: readonly CandidateDocumentPair[],
  sorted: readonly Article[],
  options: ResolvedOptions,
): CandidateDocumentPair[] {
  if (options.includeSameOutlet) return [...candidates];
  return candidates.filter((c) => {
    const o = sorted[c.a]?.meta.outlet ?? null;
    return o === null || o !== sorted[c.b]?.meta.outlet;
  });
}

/** The report of confirmed pairs: ranked, with documents (in the order given: sorted by id) and clusters. */
export function buildReport(
  sorted: readonly Article[],
  found: readonly Pair[],
  options: ResolvedOptions,
  banding: Banding,
  warnings: readonly Warning[],
): Report {
  const pairs = [...found].sort(
    (p, q) => q.score - p.score || compare(p.source, q.source) || compare(p.target, q.target),
  );
  const documents = sorted.map(toReportDocument);
  return {
    schemaVersion: SCHEMA_VERSION,
    parameters: describeParameters(options, banding),
    documents,
    pairs,
    clusters: buildClusters(pairs, documents, options.minClusterSize),
    warnings,
  };
}

/** A report plus the texts it points into (for renderers that quote passages). */
export interface ScanResult {
  readonly report: Report;
  /** Original text of every document, by id. */
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * Read the inputs, then scan them. The library's main entry point.
 *
 * @example
 * ```ts
 * import { scan } from 'reprint';
 * const report = await scan(['samples']);
 * console.log(report.pairs[0]?.relation); // 'syndication'
 * ```
 */
export async function scan(paths: readonly string[], options: ScanOptions = {}): Promise<Report> {
  return (await scanWithTexts(paths, options)).report;
}

/** {@link scan}, also returning the documents' texts so passages can be quoted. */
export async function scanWithTexts(
  paths: readonly string[],
  options: ScanOptions = {},
  run: ScanRun = {},
): Promise<ScanResult> {
  const resolved = resolveOptions(options);
  const ingestOptions = {
    fields: resolved.fields,
    strict: resolved.strict,
    ...(resolved.manifest !== null ? { manifest: resolved.manifest } : {}),
    ...(resolved.outlets !== null ? { outlets: resolved.outlets } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  };
  const { articles, warnings } = await readInputs(paths, ingestOptions);
  return {
    report: await scanArticles(articles, resolved, warnings, run),
    texts: new Map(articles.map((a) => [a.id, a.text])),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toReportDocument(a: Article): ReportDocument {
  return {
    id: a.id,
    ...(a.path !== null ? { path: a.path } : {}),
    outlet: a.meta.outlet,
    outletName: a.meta.outletName,
    url: a.meta.url,
    published: a.meta.published,
    title: a.meta.title,
    length: a.text.length,
  };
}

/** Every parameter that shaped the report, so a reader can reproduce it. */
export function describeParameters(options: ResolvedOptions, banding: Banding): Record<string, unknown> {
  return {
    normalizerVersion: NORMALIZER_VERSION,
    shingleUnit: 'word',
    shingleSize: options.shingleSize,
    numPerm: options.numPerm,
    minhashScheme: options.minhashScheme,
    seed: options.seed,
    threshold: options.threshold,
    bands: banding.bands,
    rows: banding.rows,
    passageWords: options.passageWords,
    ...alignSettingsOf(options),
    syndicationShare: options.syndicationShare,
    includeSameOutlet: options.includeSameOutlet,
    minClusterSize: options.minClusterSize,
    boilerplate: options.boilerplate,
    boilerplateShare: options.boilerplateShare,
    boilerplateMinDocs: options.boilerplateMinDocs,
  };
}
