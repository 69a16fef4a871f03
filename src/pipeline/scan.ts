/**
 * The one place the stages are wired: ingest → prepare (normalise, segment) →
 * shingle & sign → LSH candidates → align & verify → attribute → report.
 */
import { buildClusters } from '../cluster';
import { readInputs } from '../ingest';
import { NORMALIZER_VERSION } from '../text';
import type { Article, Pair, Report, ReportDocument, Warning } from '../model';
import { resolveOptions, type ResolvedOptions, type ScanOptions } from '../options';
import { alignSettingsOf } from '../align';
import { comparePair } from './compare-pair';
import { BoilerplateCounter } from './find-boilerplate';
import {
  CandidateCollector,
  createWindowHasher,
  resolveBanding,
  signWindows,
  type Banding,
  type CandidateDocumentPair,
} from './find-candidates';
import { PreparedDocuments } from './prepared-documents';
import { markSketchBoilerplate, sketchDocument, sketchSettingsOf } from './sketch-document';

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

/** Scan articles already in memory, in this thread. Pure: same articles and options, same report. */
export function scanArticles(
  articles: readonly Article[],
  options: ResolvedOptions,
  warnings: readonly Warning[] = [],
  hooks: ScanHooks = {},
): Report {
  const progress = hooks.onProgress ?? (() => undefined);
  const sorted = sortById(articles);
  const settings = sketchSettingsOf(options);
  const counter = new BoilerplateCounter();
  const sketches = sorted.map((a, i) => {
    progress('prepare', i, sorted.length);
    const sketch = sketchDocument(a.text, settings);
    counter.add(sketch.grams, a.meta.outlet);
    return sketch;
  });
  progress('prepare', sorted.length, sorted.length);
  const blocked = counter.blocked(options);
  const banding = resolveBanding(options);
  const hasher = createWindowHasher(options);
  const collector = new CandidateCollector(options, banding);
  sketches.forEach((sketch, d) => {
    progress('sign', d, sorted.length);
    markSketchBoilerplate(sketch, blocked, options.anchorSize);
    collector.add(d, signWindows(sketch, hasher, options.shingleSize));
  });
  progress('sign', sorted.length, sorted.length);
  sketches.length = 0;
  const candidates = keepComparable(collector.candidates(options.threshold), sorted, options);
  const cache = new PreparedDocuments(sorted, candidates, options, blocked);
  const pairs: Pair[] = [];
  candidates.forEach((c, i) => {
    progress('align', i, candidates.length);
    const pair = comparePair(cache.get(c.a), cache.get(c.b), c.estimatedSimilarity, options);
    cache.done(i);
    if (pair === null) return;
    pairs.push(pair);
    hooks.onPair?.(pair);
  });
  progress('align', candidates.length, candidates.length);
  return buildReport(sorted, pairs, options, banding, warnings);
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

/** The report of confirmed pairs: ranked, with documents and clusters. */
function buildReport(
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
  hooks: ScanHooks = {},
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
    report: scanArticles(articles, resolved, warnings, hooks),
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
