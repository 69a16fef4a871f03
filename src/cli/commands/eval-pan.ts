/**
 * `reprint eval pan CORPUS_DIR`: align every pair of a PAN text-alignment
 * corpus with the default (or given) settings and print PAN's measures,
 * overall and per category, with the runtime.
 */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { measureByCategory, type PanMeasures, type PanMeasuresByCategory } from '../../eval';
import { readPanCorpus } from '../../ingest';
import { resolveOptions } from '../../options';
import { alignPanPairs } from '../../pipeline';
import type { Io } from '../io';
import { createProgress } from '../progress';
import { writeDetectionFiles } from '../write-detections';
import { resolveWorkers, workersOption } from './workers-flag';
import { declareTuningFlags, toTuningOptions, type TuningArgs } from './tuning-flags';

/** Parsed flags of `eval pan`. */
export interface EvalPanArgs extends TuningArgs {
  readonly corpus: string;
  readonly out?: string;
  readonly format: 'text' | 'json';
  readonly workers?: number;
  readonly quiet: boolean;
}

/** Declare the flags of `eval pan`. */
export function evalPanBuilder(y: Argv): Argv<EvalPanArgs> {
  const base = y
    .positional('corpus', { type: 'string', describe: 'PAN corpus folder (pairs, src/, susp/, category folders)' })
    .option('out', { type: 'string', describe: 'also write the detection XML files to this folder' })
    .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' })
    .option('workers', workersOption())
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' });
  return declareTuningFlags(base) as unknown as Argv<EvalPanArgs>;
}

function row(name: string, pairs: number, m: PanMeasures): string {
  const f = (x: number) => x.toFixed(3);
  return `| ${name} | ${pairs} | ${m.cases} | ${m.detections} | ${f(m.recall)} | ${f(m.precision)} | ${f(m.granularity)} | ${f(m.plagdet)} | ${f(m.pairRecall)} | ${f(m.pairPrecision)} |`;
}

/** Render the measures as a Markdown table. */
export function renderPanTable(result: PanMeasuresByCategory, totalPairs: number, seconds: number, workers: number): string {
  const lines = [
    '| category | pairs | cases | detections | recall | precision | granularity | plagdet | pair recall | pair precision |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...result.categories.map((c) => row(c.category, c.pairs, c.measures)),
    row('**overall**', totalPairs, result.overall),
    '',
    `runtime: ${seconds.toFixed(1)} s on ${workers} worker(s)`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Run `eval pan`; returns the exit code. */
export async function runEvalPan(args: EvalPanArgs, io: Io): Promise<number> {
  const options = resolveOptions(toTuningOptions(args));
  const workers = resolveWorkers(args.workers);
  const corpus = await readPanCorpus(args.corpus);
  const progress = createProgress(io, 'eval pan', args.quiet);
  const started = Date.now();
  const detections = await alignPanPairs(
    { suspDir: join(args.corpus, 'susp'), srcDir: join(args.corpus, 'src'), pairs: corpus.pairs },
    options,
    { workers, onProgress: (done, total) => progress.update(done, total) },
  );
  progress.end();
  const seconds = (Date.now() - started) / 1000;
  const result = measureByCategory(
    corpus.pairs.map((p, i) => ({ category: p.category, cases: p.cases, detections: detections[i] ?? [] })),
  );
  if (args.out !== undefined) writeDetectionFiles(args.out, corpus.pairs, detections);
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ ...result, pairs: corpus.pairs.length, seconds: Math.round(seconds * 10) / 10, workers }, null, 2)}\n`);
  } else {
    io.stdout(renderPanTable(result, corpus.pairs.length, seconds, workers));
  }
  return 0;
}
