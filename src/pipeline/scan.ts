/**
 * The one place the stages are wired: ingest → prepare (normalise, segment) →
 * shingle & sign → LSH candidates → align & verify → attribute → report.
 */
import { buildClusters, groupDuplicates } from '../cluster';
import { compareCodeUnits } from '../code-unit-order';
import { NORMALIZER_VERSION } from '../text';
import { isDuplicate, round } from '../attribute';
import { InternalError } from '../errors';
import type { Article, Pair, Report, ReportDocument, Warning } from '../model';
import { resolveOptions, type ResolvedOptions, type ScanOptions } from '../options';
import { alignSettingsOf } from '../align';
import { BoilerplateCounter, NO_BLOCKED_GRAMS } from './find-boilerplate';
import { CandidateCollector, resolveBanding, type Banding, type CandidateDocumentPair } from './find-candidates';
import { openScanPool, type ScanSketchBatch, type ScanTask, type ScanTaskResult, type SignedBatch } from './scan-tasks';
import { unpackArray } from './packed-arrays';
import { ScanSpace } from './byte-log';
import { SpooledSketchBatches, SpooledWords } from './spooled-records';
import { documentsInMemory, toReportDocument, type ScanDocuments } from './scan-documents';
import { inTaskOrder, TaskQueue } from './worker-pool';
import { collectGarbage } from './collect-garbage';
import { readToSpace } from './read-articles';
import { batches, mapLazily, range } from './batches';

/** The JSON report's schema version. */
export const SCHEMA_VERSION = 1 as const;

/**
 * Phases of a scan, in order, as progress reports name them: `read` counts
 * megabytes of input (total 0 when unknown: standard input), `candidates` LSH
 * bands, `align` candidate pairs, the others documents.
 */
export type ScanPhase = 'read' | 'prepare' | 'sign' | 'candidates' | 'align';

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
/** Results (documents or pairs) between full collections on this thread. */
const COLLECT_EVERY = 8192;

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
  const space = ScanSpace.inMemory();
  const pool = openScanPool({ options, blocked: NO_BLOCKED_GRAMS }, run.workers ?? 1);
  try {
    return await scanDocuments(documentsInMemory(sortById(articles)), space, pool, options, warnings, run);
  } finally {
    pool.close();
    space.close();
  }
}

/**
 * The scan proper, over documents in id order (texts and metadata in memory
 * or put aside); what waits between phases goes to `space`.
 */
async function scanDocuments(
  docs: ScanDocuments,
  space: ScanSpace,
  pool: ScanPool,
  options: ResolvedOptions,
  warnings: readonly Warning[],
  run: ScanRun,
): Promise<Report> {
  const { found, banding } = await findPairs(docs, space, pool, options, run);
  // The threads' memory, and then the garbage, are freed for the report's document entries (a million objects at 1M articles).
  pool.close();
  collectGarbage();
  return reportOf(Array.from(range(docs.count), (i) => toReportDocument(docs.outline(i))), found, options, banding, warnings);
}

type ScanPool = ReturnType<typeof openScanPool>;

/** The phases up to the confirmed pairs, all on `pool`'s threads. */
async function findPairs(
  docs: ScanDocuments,
  space: ScanSpace,
  pool: ScanPool,
  options: ResolvedOptions,
  run: ScanRun,
): Promise<{ readonly found: Pair[]; readonly banding: Banding }> {
  const progress = run.onProgress ?? (() => undefined);
  /**
   * Run a phase's tasks (drawn lazily, as threads are free) on the workers;
   * `consume` sees every result in task order, as soon as it can. `total`:
   * progress units of the phase (documents or pairs).
   */
  const inPhase = async <R extends ScanTaskResult>(
    phase: ScanPhase,
    total: number,
    tasks: Iterable<ScanTask>,
    consume: (result: R) => number,
  ): Promise<void> => {
    let done = 0;
    const collect = collectingEvery(COLLECT_EVERY);
    progress(phase, 0, total);
    await pool.run(
      tasks,
      inTaskOrder((result: ScanTaskResult) => {
        done += consume(result as R);
        progress(phase, done, total);
        collect(done);
      }),
    );
  };
  const ids = range(docs.count);

  // Sketch batches wait in the space until the blocked k-grams are known, and
  // are read back, one at a time, to be signed (a sign batch is a sketch batch).
  const sketches = new SpooledSketchBatches(space.log('sketches'));
  let windows = 0;
  const blocked = await (async () => {
    const counter = new BoilerplateCounter(undefined, new SpooledWords(space.log('grams')));
    const texts = mapLazily(batches(ids, DOCUMENT_BATCH), (b): ScanTask => ({ kind: 'sketch', texts: docs.batchTexts(b) }));
    let sketched = 0;
    await inPhase('prepare', docs.count, texts, (batch: ScanSketchBatch) => {
      const n = batch.grams.ends.length;
      for (let d = 0; d < n; d++) counter.add(unpackArray(batch.grams, d), docs.outlet(sketched + d));
      sketches.add({ sketches: batch.sketches });
      windows += batch.sketches.windows.values.length / 2;
      sketched += n;
      return n;
    });
    return counter.blocked(options);
  })();
  collectGarbage();
  await pool.setUp({ kind: 'blocked', grams: blocked });

  const banding = resolveBanding(options);
  const found: Pair[] = [];
  // The collector (its signature logs aside) lives only until the candidates are known.
  await (async () => {
    // Every window a sketch has (some are left unsigned as boilerplate): an upper bound.
    const collector = new CandidateCollector(options, banding, windows, space);
    let signed = 0;
    const signTasks = mapLazily(range(sketches.count), (b): ScanTask => ({ kind: 'sign', sketches: sketches.get(b).sketches }));
    await inPhase('sign', docs.count, signTasks, (batch: SignedBatch) => {
      collector.addSigned(signed, batch.signatures, batch.bandRows);
      signed += batch.signatures.ends.length;
      return batch.signatures.ends.length;
    });
    await alignWhileBanding(collector, docs, pool, options, run, found);
  })();
  return { found, banding };
}

/**
 * The candidates phase and the align phase at once: a candidate pair goes
 * to be aligned in the band it is first found in, so the threads align
 * while this thread sorts the other bands (alone, it left a core idle). A
 * pair's estimate may still rise in a later band: confirmed pairs wait for
 * the last band and are reported with their final estimate, as if aligned
 * after it. Tasks, and so the report and the order of `run.onPair`, depend
 * only on the banding, not on the threads.
 */
async function alignWhileBanding(
  collector: CandidateCollector,
  docs: ScanDocuments,
  pool: ScanPool,
  options: ResolvedOptions,
  run: ScanRun,
  found: Pair[],
): Promise<void> {
  const progress = run.onProgress ?? (() => undefined);
  const { bands } = collector.banding;
  const reported = reportedIn(options);
  // Batches of candidates wait as such (their texts are read as a thread takes them); while this thread sorts bands, one thread fewer aligns: it needs a core too.
  const queue = new TaskQueue<ScanTask, CandidateDocumentPair[]>((pairs) => alignTask(docs, pairs), 1);
  /** Candidate pairs in the order they went to be aligned (a batch at a time). */
  const sent: CandidateDocumentPair[] = [];
  let batch: CandidateDocumentPair[] = [];
  const send = (): void => {
    if (batch.length > 0) queue.push(batch);
    batch = [];
  };
  /** Each candidate's final estimate, by `a · count + b`, once every band is done. */
  let estimates: Map<number, number> | null = null;
  const waiting: [Pair, CandidateDocumentPair][] = [];
  const confirm = (pair: Pair, c: CandidateDocumentPair): void => {
    const estimate = estimates?.get(c.a * docs.count + c.b);
    if (estimate === undefined) throw new InternalError(`scan: no final estimate of candidate ${c.a}, ${c.b}`);
    const final = { ...pair, estimatedSimilarity: round(estimate) };
    found.push(final);
    run.onPair?.(final);
  };
  let aligned = 0;
  const collect = collectingEvery(COLLECT_EVERY);
  const aligning = pool.run(
    queue,
    inTaskOrder((pairs: ScanTaskResult) => {
      for (const pair of pairs as readonly (Pair | null)[]) {
        const c = sent[aligned++]!;
        if (pair === null || !reported(pair)) continue;
        if (estimates === null) waiting.push([pair, c]);
        else confirm(pair, c);
      }
      if (estimates !== null) progress('align', aligned, sent.length);
      collect(aligned);
    }),
  );
  // Awaited once the bands are done; a failure meanwhile must not go unheard until then.
  aligning.catch(() => undefined);
  progress('candidates', 0, bands);
  const candidates = await collector.candidates(
    options.threshold,
    (band) => progress('candidates', band, bands),
    (a, b, estimate) => {
      const c = { a, b, estimatedSimilarity: estimate };
      sent.push(c);
      batch.push(c);
      if (batch.length === PAIR_BATCH) send();
    },
  );
  send();
  queue.end();
  estimates = new Map(candidates.map((c) => [c.a * docs.count + c.b, c.estimatedSimilarity]));
  collectGarbage();
  progress('align', aligned, sent.length);
  for (const [pair, c] of waiting.splice(0)) confirm(pair, c);
  await aligning;
}

/**
 * Told how many results a phase has handled so far, collect garbage each
 * time `every` more have come: results arrive in external memory (buffers
 * moved or copied from the threads), which V8 reclaims late.
 */
function collectingEvery(every: number): (done: number) => void {
  let collected = 0;
  return (done) => {
    if (done - collected < every) return;
    collected = done;
    collectGarbage();
  };
}

/** An align batch: its pairs and the articles they need (texts read now), re-indexed. */
function alignTask(docs: ScanDocuments, pairs: readonly CandidateDocumentPair[]): ScanTask {
  const local = new Map<number, number>();
  const articles: Article[] = [];
  const at = (doc: number): number => {
    let i = local.get(doc);
    if (i === undefined) {
      i = articles.length;
      local.set(doc, i);
      articles.push(docs.article(doc));
    }
    return i;
  };
  return { kind: 'align', articles, pairs: pairs.map((c) => ({ a: at(c.a), b: at(c.b), estimatedSimilarity: c.estimatedSimilarity })) };
}

/** Articles in id order (the order every stage and the report use). */
function sortById<T extends { readonly id: string }>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => compareCodeUnits(a.id, b.id));
}

/**
 * Whether a confirmed pair is reported: a pair of one outlet only as a
 * duplicate record (the same article twice, which whoever cleans a dump
 * needs to know of), unless the options keep every one; an outlet reusing
 * its own text is not syndication.
 */
function reportedIn(options: ResolvedOptions): (pair: Pair) => boolean {
  if (options.includeSameOutlet) return () => true;
  return (pair) => !pair.sameOutlet || isDuplicate(pair);
}

/** The report of confirmed pairs: ranked, with documents (in the order given: sorted by id), clusters and duplicate groups. */
export function buildReport(
  sorted: readonly Article[],
  found: readonly Pair[],
  options: ResolvedOptions,
  banding: Banding,
  warnings: readonly Warning[],
): Report {
  return reportOf(sorted.map(toReportDocument), found, options, banding, warnings);
}

/** {@link buildReport} from the documents' report entries. */
function reportOf(
  documents: ReportDocument[],
  found: readonly Pair[],
  options: ResolvedOptions,
  banding: Banding,
  warnings: readonly Warning[],
): Report {
  const pairs = [...found].sort(
    (p, q) => q.score - p.score || compareCodeUnits(p.source, q.source) || compareCodeUnits(p.target, q.target),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    parameters: describeParameters(options, banding),
    documents,
    pairs,
    clusters: buildClusters(pairs, documents, options.minClusterSize),
    duplicates: groupDuplicates(pairs.filter(isDuplicate), documents),
    warnings,
  };
}

/** A report plus the texts it points into (for renderers that quote passages). */
export interface ScanResult {
  readonly report: Report;
  /** Original text of every document in a pair, by id (empty when the run asked for none). */
  readonly texts: ReadonlyMap<string, string>;
}

/** How {@link scanWithTexts} runs. */
export interface ScanTextsRun extends ScanRun {
  /**
   * Read back the texts of the documents in pairs for {@link ScanResult.texts}.
   * A renderer that quotes no passage (JSON, NDJSON, CSV of pairs) does not
   * need them, and for a large dump they are hundreds of megabytes.
   * @default true
   */
  readonly texts?: boolean;
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

/**
 * {@link scan}, also returning the texts of the documents in the report's
 * pairs, so passages can be quoted.
 *
 * Memory holds the articles' metadata, not their texts: each text is put in
 * a spool file as it is read and read back when it is sketched and when one
 * of its candidate pairs is aligned; sketches, k-gram sets and signatures
 * wait in files of the same temporary folder (under `TMPDIR`), removed when
 * the scan ends.
 */
export async function scanWithTexts(
  paths: readonly string[],
  options: ScanOptions = {},
  run: ScanTextsRun = {},
): Promise<ScanResult> {
  const resolved = resolveOptions(options);
  const space = ScanSpace.onDisk();
  const pool = openScanPool({ options: resolved, blocked: NO_BLOCKED_GRAMS }, run.workers ?? 1);
  try {
    // Once a megabyte is read the threads start, while the rest is read (a smaller input may not need them).
    const onRead = (phase: 'read', done: number, total: number): void => {
      if (done >= 1) pool.warm();
      run.onProgress?.(phase, done, total);
    };
    const { docs, kept, texts: store, warnings } = await readToSpace(paths, options, space, onRead);
    const report = await scanDocuments(docs, space, pool, resolved, warnings, run);
    const texts = new Map<string, string>();
    if (run.texts === false) return { report, texts };
    const byId = new Map(kept.map((a) => [a.id, a]));
    for (const pair of report.pairs) {
      for (const id of [pair.source, pair.target]) {
        const a = byId.get(id);
        if (a !== undefined && !texts.has(id)) texts.set(id, store.get(a.text.handle));
      }
    }
    return { report, texts };
  } finally {
    pool.close();
    space.close();
  }
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
