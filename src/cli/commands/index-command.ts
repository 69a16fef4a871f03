/**
 * `reprint index add | stats | remove | vacuum`: flags → one library call →
 * one line (or table) of output.
 */
import type { Argv } from 'yargs';
import type { Warning } from '../../model';
import { addInputsToIndex, type IndexPhase } from '../../pipeline/index-articles';
import { openIndex } from '../../pipeline/open-index';
import { openIndexStore, type IndexStats } from '../../store';
import { WarningCode } from '../../ingest';
import type { Io } from '../io';
import { createPhasedProgress } from '../progress';
import { resolveWorkers, workersOption } from './workers-flag';
import { givenPaths } from '../stdin-arg';
import { stdinFormatOption } from './field-flag';
import { declareIndexFlag, declareIndexInputFlags, toIndexInputOptions, waitNotice, type IndexFileArgs, type IndexInputArgs } from './index-flags';
import { nothingRead, printWarnings } from '../print-warnings';
import { thousands } from '../../report';

/** Parsed flags of `index add`. */
export interface IndexAddArgs extends IndexInputArgs {
  readonly inputs: readonly string[];
  readonly workers?: number;
}

/** Parsed flags of `index stats`. */
export interface IndexStatsArgs extends IndexFileArgs {
  readonly format: 'text' | 'json';
}

/** Parsed flags of `index remove`. */
export interface IndexRemoveArgs extends IndexFileArgs {
  readonly ids: readonly (string | number)[];
}

/** Warnings that mean an input record was not read (the others only degrade it). */
const SKIPPING: ReadonlySet<string> = new Set([
  WarningCode.emptyFile,
  WarningCode.binaryFile,
  WarningCode.invalidUtf8,
  WarningCode.fileTooLarge,
  WarningCode.unreadable,
  WarningCode.malformedJson,
  WarningCode.noText,
  WarningCode.truncated,
  WarningCode.corruptInput,
]);

/** Number of input records or files skipped, by the warnings. */
export function countFailed(warnings: readonly Warning[]): number {
  return warnings.filter((w) => SKIPPING.has(w.code)).length;
}

/** Declare the flags of `index add`. */
export function indexAddBuilder(y: Argv): Argv<IndexAddArgs> {
  const withInputs = y
    .positional('inputs', { describe: 'files, folders, JSONL dumps, CSV/TSV exports, WARC (each also .gz or .zst), a .json array of articles, or - for standard input (JSONL; see --stdin-format)', type: 'string', array: true, default: undefined })
    .option('stdin-format', stdinFormatOption())
    .option('workers', workersOption());
  return declareIndexInputFlags(withInputs) as unknown as Argv<IndexAddArgs>;
}

/** Declare the flags of `index stats`. */
export function indexStatsBuilder(y: Argv): Argv<IndexStatsArgs> {
  return declareIndexFlag(y).option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }) as unknown as Argv<IndexStatsArgs>;
}

/** Declare the flags of `index remove`. */
export function indexRemoveBuilder(y: Argv): Argv<IndexRemoveArgs> {
  return declareIndexFlag(y.positional('ids', { describe: 'ids of the articles to remove', type: 'string', array: true, default: undefined })) as unknown as Argv<IndexRemoveArgs>;
}

/** Declare the flags of `index vacuum`. */
export function indexVacuumBuilder(y: Argv): Argv<IndexFileArgs> {
  return declareIndexFlag(y);
}

/** `index add`: read the inputs, add them; one summary line on stdout. */
export async function runIndexAdd(args: IndexAddArgs, io: Io): Promise<number> {
  const started = Date.now();
  const scanOptions = toIndexInputOptions(args, io);
  const paths = givenPaths(args.inputs);
  // Open first: a bad index or mismatched options fail before a long read.
  const { store, options } = openIndex(args.index, scanOptions, { create: true, onWait: waitNotice(io, args.quiet) });
  try {
    const progress = createPhasedProgress(io, args.quiet, PROGRESS_UNITS);
    const result = await addInputsToIndex(store, paths, scanOptions, options, {
      onProgress: (phase, done, total) => progress.update(phase, done, total),
      workers: resolveWorkers(args.workers),
    }).finally(() => progress.end());
    const { warnings } = result;
    if (!args.quiet) printWarnings(io, warnings, null);
    const seconds = (Date.now() - started) / 1000;
    io.stdout(
      `reprint: ${args.index}: ${thousands(result.added)} added, ${thousands(result.replaced)} replaced, ${thousands(result.unchanged)} unchanged, ${thousands(countFailed(warnings))} failed; ` +
        `${thousands(result.documents)} articles in the index (${seconds.toFixed(1)} s, ${thousands(result.read / Math.max(seconds, 1e-3))} articles/s)\n`,
    );
    // As scan: a run that read nothing (a wrong --field, an empty folder) must not look like one with nothing new.
    if (result.read === 0) throw nothingRead('add', paths, warnings.length, args.quiet, args['stdin-format']);
    return 0;
  } finally {
    store.close();
  }
}

/** What each phase's progress counts. */
const PROGRESS_UNITS: Readonly<Record<IndexPhase, string>> = { read: 'MB', sketch: 'articles', write: 'articles', merge: 'key ranges' };

/** `index stats`: figures and parameters. */
export function runIndexStats(args: IndexStatsArgs, io: Io): Promise<number> {
  const store = openIndexStore(args.index);
  try {
    const stats = store.stats();
    if (args.format === 'json') io.stdout(`${JSON.stringify({ file: args.index, ...stats, bytesPerArticle: bytesPerArticle(stats), parameters: store.parameters }, null, 2)}\n`);
    else io.stdout(renderStats(args.index, stats, store.parameters));
    return Promise.resolve(0);
  } finally {
    store.close();
  }
}

function bytesPerArticle(stats: IndexStats): number {
  return stats.documents === 0 ? 0 : Math.round(stats.bytesOnDisk / stats.documents);
}

function renderStats(file: string, stats: IndexStats, parameters: Readonly<Record<string, unknown>>): string {
  const lines = [
    `index: ${file}`,
    `articles: ${stats.documents}`,
    `windows: ${stats.windows}`,
    `band keys: ${stats.bandKeys}`,
    `text: ${stats.characters} characters, ${stats.textBytes} bytes deflated`,
    `size on disk: ${stats.bytesOnDisk} bytes (${bytesPerArticle(stats)} bytes/article)`,
    `boilerplate: ${stats.blockedGrams} blocked k-grams, counted over ${stats.blockedAtDocuments} articles`,
    'parameters:',
    ...Object.entries(parameters).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `index remove`: remove by id; ids not in the index are named on stderr. */
export function runIndexRemove(args: IndexRemoveArgs, io: Io): Promise<number> {
  const store = openIndexStore(args.index, { onWait: waitNotice(io, false) });
  try {
    const ids = args.ids.map(String);
    const missing = store.remove(ids);
    if (missing.length > 0) io.stderr(`reprint: not in the index: ${missing.join(', ')}\n`);
    io.stdout(`reprint: ${args.index}: ${ids.length - missing.length} removed; ${store.countDocuments()} articles in the index\n`);
    return Promise.resolve(0);
  } finally {
    store.close();
  }
}

/** `index vacuum`: fold the log into the file and drop free pages. */
export function runIndexVacuum(args: IndexFileArgs, io: Io): Promise<number> {
  const store = openIndexStore(args.index, { onWait: waitNotice(io, false) });
  try {
    const before = store.stats().bytesOnDisk;
    store.vacuum();
    io.stdout(`reprint: ${args.index}: ${before} → ${store.stats().bytesOnDisk} bytes\n`);
    return Promise.resolve(0);
  } finally {
    store.close();
  }
}
