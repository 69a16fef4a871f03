/**
 * The corpus benchmark: for each synthetic size (and each real `--corpus`
 * dump), three jobs in separate child processes, so no job's heap inflates
 * another's peak RSS:
 *
 * - floor: read, `JSON.parse`, lower-case and hash every word (`floor-job.ts`);
 * - reprint: the compiled CLI's whole scan, `scan FILE --format json --out …`;
 * - the `minhash` package's document-level job (`minhash-package-job.ts`).
 *
 * Then the planted pairs' recall and precision from reprint's JSON report;
 * with `phases`, a second scan through the library times each phase.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { directionCorrect, pairKey, scorePairs, type Accuracy, type ReportedPair } from './planted-accuracy';
import { forEachReportPair } from './line-reader';
import { runMeasured, type Measured } from './run-measured';
import { GENERATOR_VERSION, writeSyntheticCorpus, type GroundTruth } from './synthetic-corpus';

/** A job's outcome as the table shows it. */
export type JobFigures =
  | { readonly kind: 'done'; readonly seconds: number; readonly peakRssMB: number | null }
  | { readonly kind: 'failed'; readonly seconds: number; readonly detail: string }
  | { readonly kind: 'timed-out'; readonly seconds: number }
  | { readonly kind: 'skipped'; readonly estimateSeconds: number | null };

/** Accuracy of reprint's report against the planted pairs. */
export interface PlantedFigures {
  readonly syndication: Accuracy;
  readonly syndicationOrPartial: Accuracy;
  readonly anyRelation: Accuracy;
  /** Share of found planted pairs directed from the planted source. */
  readonly directionCorrect: number;
  readonly planted: number;
  readonly whole: number;
  readonly embedded: number;
}

/** One row of the table. */
export interface CorpusRow {
  readonly label: string;
  readonly synthetic: boolean;
  readonly articles: number;
  readonly bytes: number;
  readonly generateSeconds: number | null;
  readonly floor: JobFigures;
  readonly reprint: JobFigures;
  readonly reprintPairs: number | null;
  readonly reprintStderr: string;
  readonly minhashPackage: JobFigures;
  /** Candidate pairs of the package job, and the planted pairs among them. */
  readonly packageCandidates: number | null;
  readonly packagePlantedRecall: number | null;
  readonly planted: PlantedFigures | null;
  /** With `--phases`: the library scan's time per phase and its candidate pairs. */
  readonly phases: PhaseFigures | null;
}

/** What `phases-job.ts` reports. */
export interface PhaseFigures {
  readonly phases: readonly (readonly [string, number])[];
  readonly candidates: number;
  readonly seconds: number;
}

/** Settings shared by every row. */
export interface CorpusBenchSettings {
  /** Folder for dumps, reports and candidate lists. */
  readonly dir: string;
  readonly seed: number;
  /** Path of the compiled CLI (`…/cli/bin.js`). */
  readonly cli: string;
  /** Extra CLI arguments (`--field k=v` for real dumps come from `fields`). */
  readonly cliArgs: readonly string[];
  /** Time limit of each job; `null`: by the input's size ({@link defaultTimeoutSeconds}). */
  readonly timeoutSeconds: number | null;
  /** Also run `phases-job.ts` (a second scan, through the library with progress hooks). */
  readonly phases: boolean;
}

const HERE = __dirname;

/**
 * A job's time limit by its input's size: 600 s, or 0.7 s per MB for more
 * than 857 MB. The 1M-article corpus (2,644 MB) takes 545–717 s on this
 * machine as its speed moves, over the 600 s that once stopped it: 1,852 s.
 */
export function defaultTimeoutSeconds(bytes: number): number {
  return Math.max(600, Math.ceil((bytes / 1e6) * 0.7));
}

/** Generate (or reuse from `settings.dir`) the synthetic dump of `articles` articles. */
export function ensureSyntheticCorpus(
  articles: number,
  settings: CorpusBenchSettings,
): { file: string; truth: GroundTruth; generateSeconds: number | null } {
  const base = join(settings.dir, `synthetic-${articles}-seed${settings.seed}-v${GENERATOR_VERSION}`);
  const file = `${base}.jsonl`;
  const truthFile = `${base}.truth.json`;
  if (existsSync(file) && existsSync(truthFile)) {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as GroundTruth;
    if (truth.bytes === statSync(file).size) return { file, truth, generateSeconds: null };
  }
  const started = process.hrtime.bigint();
  const truth = writeSyntheticCorpus(file, { articles, seed: settings.seed }, truthFile);
  return { file, truth, generateSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Measure one dump. `truth` scores the report (synthetic dumps); `textFields`
 * name the JSONL text field for the floor and package jobs; `runPackage` false
 * skips the package job with `packageEstimate` seconds as its estimate.
 */
export async function benchCorpus(opts: {
  readonly label: string;
  readonly file: string;
  readonly truth: GroundTruth | null;
  readonly generateSeconds: number | null;
  readonly fieldArgs: readonly string[];
  readonly textFields: readonly string[];
  readonly runPackage: boolean;
  readonly packageEstimate: number | null;
  readonly settings: CorpusBenchSettings;
  readonly log: (line: string) => void;
}): Promise<CorpusRow> {
  const { file, truth, settings, log } = opts;
  const bytes = statSync(file).size;
  const stem = join(settings.dir, `${opts.label.replace(/[^\w.-]+/g, '_')}`);
  const limit = { timeoutSeconds: settings.timeoutSeconds ?? defaultTimeoutSeconds(bytes) };

  log(`${opts.label}: floor…`);
  const floorRun = await runMeasured(join(HERE, 'floor-job.js'), [file, ...opts.textFields], limit);
  const floorOut = floorRun.kind === 'done' ? (JSON.parse(floorRun.stdout) as { articles: number }) : null;

  log(`${opts.label}: reprint scan (limit ${limit.timeoutSeconds} s)…`);
  const reportFile = `${stem}.report.json`;
  const reprintRun = await runMeasured(
    settings.cli,
    ['scan', file, '--format', 'json', '--out', reportFile, '--quiet', ...opts.fieldArgs, ...settings.cliArgs],
    limit,
  );
  let reported: ReportedPair[] | null = null;
  if (reprintRun.kind === 'done') {
    // Streamed: the report of a million documents is longer than a V8 string.
    const pairs: ReportedPair[] = [];
    forEachReportPair(reportFile, (pair) => pairs.push(pair as ReportedPair));
    reported = pairs;
  }

  let phases: PhaseFigures | null = null;
  if (settings.phases) {
    log(`${opts.label}: reprint phases (second scan, library with progress hooks)…`);
    const mappings = opts.fieldArgs.filter((a) => a !== '--field');
    const phasesRun = await runMeasured(join(HERE, 'phases-job.js'), [file, ...mappings], limit);
    if (phasesRun.kind === 'done') phases = { ...(JSON.parse(phasesRun.stdout) as Omit<PhaseFigures, 'seconds'>), seconds: phasesRun.seconds };
  }

  let packageRun: Measured | null = null;
  let packageCandidates: number | null = null;
  let packagePlantedRecall: number | null = null;
  if (opts.runPackage) {
    log(`${opts.label}: minhash package job…`);
    const pairsFile = `${stem}.minhash-package-pairs.tsv`;
    packageRun = await runMeasured(join(HERE, 'minhash-package-job.js'), [file, pairsFile, ...opts.textFields], limit);
    if (packageRun.kind === 'done') {
      packageCandidates = (JSON.parse(packageRun.stdout) as { candidatePairs: number }).candidatePairs;
      if (truth !== null) {
        const candidates = new Set(readFileSync(pairsFile, 'utf8').split('\n'));
        const found = truth.pairs.filter((p) => candidates.has(pairKey(p.source, p.copy))).length;
        packagePlantedRecall = truth.pairs.length === 0 ? 1 : found / truth.pairs.length;
      }
    }
  }

  let planted: PlantedFigures | null = null;
  if (truth !== null && reported !== null) {
    planted = {
      syndication: scorePairs(reported, truth.pairs, (r) => r === 'syndication'),
      syndicationOrPartial: scorePairs(reported, truth.pairs, (r) => r === 'syndication' || r === 'partial'),
      anyRelation: scorePairs(reported, truth.pairs, () => true),
      directionCorrect: directionCorrect(reported, truth.pairs),
      planted: truth.pairs.length,
      whole: truth.pairs.filter((p) => p.kind === 'whole').length,
      embedded: truth.pairs.filter((p) => p.kind === 'embedded').length,
    };
  }

  return {
    label: opts.label,
    synthetic: truth !== null,
    articles: truth?.articles ?? floorOut?.articles ?? 0,
    bytes,
    generateSeconds: opts.generateSeconds,
    floor: figuresOf(floorRun),
    reprint: figuresOf(reprintRun),
    reprintPairs: reported?.length ?? null,
    reprintStderr: reprintRun.kind === 'done' || reprintRun.kind === 'failed' ? reprintRun.stderr : '',
    minhashPackage: packageRun === null ? { kind: 'skipped', estimateSeconds: opts.packageEstimate } : figuresOf(packageRun),
    packageCandidates,
    packagePlantedRecall,
    planted,
    phases,
  };
}

function figuresOf(run: Measured): JobFigures {
  switch (run.kind) {
    case 'done':
      return { kind: 'done', seconds: run.seconds, peakRssMB: run.peakRssMB };
    case 'failed':
      return { kind: 'failed', seconds: run.seconds, detail: `exit ${String(run.exitCode)}: ${lastLine(run.stderr)}` };
    case 'timed-out':
      return { kind: 'timed-out', seconds: run.seconds };
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
