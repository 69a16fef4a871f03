/**
 * `reprint align --pairs FILE --src DIR --susp DIR --out DIR`: PAN's calling
 * convention. For each `suspicious source` line, align the two documents and
 * write `OUT/<susp>-<src>.xml` in PAN's detection format (the suspicious
 * document is "this", the copier).
 */
import type { Argv } from 'yargs';
import { readPanPairs } from '../../ingest';
import { resolveOptions } from '../../options';
import { alignPanPairs } from '../../pipeline';
import type { Io } from '../io';
import { createProgress } from '../progress';
import { writeDetectionFiles } from '../write-detections';
import { declareTuningFlags, toTuningOptions, type TuningArgs } from './tuning-flags';
import { resolveWorkers, workersOption } from './workers-flag';

/** Parsed flags of `align`. */
export interface AlignArgs extends TuningArgs {
  readonly pairs: string;
  readonly src: string;
  readonly susp: string;
  readonly out: string;
  readonly workers?: number;
  readonly quiet: boolean;
}

/** Declare the flags of `align`. */
export function alignBuilder(y: Argv): Argv<AlignArgs> {
  const base = y
    .option('pairs', { type: 'string', demandOption: true, describe: 'pairs file: "suspicious.txt source.txt" a line' })
    .option('src', { type: 'string', demandOption: true, describe: 'folder of source documents' })
    .option('susp', { type: 'string', demandOption: true, describe: 'folder of suspicious documents' })
    .option('out', { type: 'string', demandOption: true, describe: 'folder for the detection XML files (created)' })
    .option('workers', workersOption())
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress or summary on stderr' });
  return declareTuningFlags(base) as unknown as Argv<AlignArgs>;
}

/** Run `align`; returns the exit code. */
export async function runAlign(args: AlignArgs, io: Io): Promise<number> {
  const options = resolveOptions(toTuningOptions(args));
  const workers = resolveWorkers(args.workers);
  const pairs = await readPanPairs(args.pairs);
  const progress = createProgress(io, 'align', args.quiet);
  const started = Date.now();
  const detections = await alignPanPairs({ suspDir: args.susp, srcDir: args.src, pairs }, options, {
    workers,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.end();
  const count = writeDetectionFiles(args.out, pairs, detections);
  if (!args.quiet) {
    const seconds = (Date.now() - started) / 1000;
    io.stderr(`reprint: aligned ${pairs.length} pairs in ${seconds.toFixed(1)} s on ${workers} worker(s); ${count} detections written to ${args.out}\n`);
  }
  return 0;
}
