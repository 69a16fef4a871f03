/**
 * The one place the stages are wired: ingest → prepare (normalise, segment) →
 * shingle & sign → LSH candidates → align & verify → attribute → report.
 */
import { buildClusters } from '../cluster';
import { InternalError } from '../errors';
import { NORMALIZER_VERSION } from '../text';
import type { Article, Pair, Report, ReportDocument, Warning } from '../model';
import { resolveOptions, type ResolvedOptions, type ScanOptions } from '../options';
import { alignSettingsOf } from '../align';
import { BoilerplateCounter } from './find-boilerplate';
import { CandidateCollector, resolveBanding, type Banding, type CandidateDocumentPair, type SignableDocument } from './find-candidates';
import { runScanTasks, type ScanTask, type ScanTaskResult } from './scan-tasks';
import type { DocumentSketch } from './sketch-document';
import { inTaskOrder } from './worker-pool';
import { collectGarbage } from './collect-garbage';
import { readArticles } from './read-articles';
import { batches, drain, mapLazily } from './batches';

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
  /**
   * Run a phase's tasks (drawn lazily, as threads are free) on the workers;
   * `consume` sees every result in task order, as soon as it can. `total`:
   * progress units of the phase (documents or pairs).
   */
  const inPhase = async (
    phase: ScanPhase,
    blocked: Uint32Array,
    total: number,
    tasks: Iterable<ScanTask>,
    consume: (result: ScanTaskResult) => void,
  ): Promise<void> => {
    let done = 0;
    progress(phase, 0, total);
    const ordered = inTaskOrder(consume);
    await runScanTasks({ options, blocked }, run.workers ?? 1, tasks, (i, result) => {
      done += result.length;
      progress(phase, done, total);
      ordered(i, result);
    });
  };

  // Sketches are kept until signed, then dropped: the pool draws sign batches
  // from `sketches` and clears each slot it takes.
  const sketches: (SignableDocument | undefined)[] = [];
  // The counter (and the k-grams it holds) lives only until the blocked set is known.
  const blocked = await (async () => {
    const counter = new BoilerplateCounter();
    const texts = mapLazily(batches(sorted, DOCUMENT_BATCH), (b): ScanTask => ({ kind: 'sketch', texts: b.map((a) => a.text) }));
    await inPhase('prepare', EMPTY, sorted.length, texts, (result) => {
      for (const s of result as readonly DocumentSketch[]) {
        counter.add(s.grams, sorted[sketches.length]?.meta.outlet ?? null);
        sketches.push({ hashes: s.hashes, mask: s.mask, windows: s.windows });
      }
    });
    return Uint32Array.from(counter.blocked(options));
  })();
  collectGarbage();

  const banding = resolveBanding(options);
  // The LSH index lives only until the candidates are known.
  const candidates = await (async () => {
    // Every window a sketch has (some are left unsigned as boilerplate): an upper bound.
    const windows = sketches.reduce((n, s) => n + (s?.windows.length ?? 0) / 2, 0);
    const collector = new CandidateCollector(options, banding, windows);
    let signed = 0;
    const signTasks = mapLazily(drain(sketches, DOCUMENT_BATCH), (b): ScanTask => ({ kind: 'sign', sketches: b }));
    await inPhase('sign', blocked, sorted.length, signTasks, (result) => {
      for (const s of result as readonly Uint32Array[]) collector.add(signed++, s);
    });
    return keepComparable(collector.candidates(options.threshold), sorted, options);
  })();
  collectGarbage();
  const found: Pair[] = [];
  const alignTasks = mapLazily(batches(candidates, PAIR_BATCH), (b) => alignTask(sorted, b));
  await inPhase('align', blocked, candidates.length, alignTasks, (result) => {
    for (const pair of result as readonly (Pair | null)[]) {
      if (pair === null) continue;
      found.push(pair);
      run.onPair?.(pair);
    }
  });
  return buildReport(sorted, found, options, banding, warnings);
}

const EMPTY = new Uint32Array(0);

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
  const { articles, warnings } = await readArticles(paths, options);
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
