/** `reprint scan <paths...>`: flags → one library call → one renderer. */
import { resolveWorkers, workersOption } from './workers-flag';
import type { Argv } from 'yargs';
import type { Pair } from '../../model';
import { scanWithTexts, type ScanPhase } from '../../pipeline';
import { quotesTexts, renderNdjsonPair, renderNdjsonTailLines, renderReportChunks, renderSummaryLine, type ReportFormat } from '../../report';
import { terminalLayout } from '../terminal-layout';
import { createPhasedProgress } from '../progress';
import { givenPaths } from '../stdin-arg';
import type { FieldMap, ScanOptions, StdinFormat } from '../../options';
import { UsageError } from '../exit-codes';
import { colorOption, formatOption } from './report-flags';
import { declareTuningFlags, toTuningOptions, type TuningArgs } from './tuning-flags';
import type { Io } from '../io';
import { batchText, openOutputStream, writeOutputPieces, type OutputStream } from '../write-output';
import { openScanIndex, SCAN_INDEX_OPTION } from './scan-index';
import { fieldOption, stdinFormatOption } from './field-flag';
import { nothingRead, printWarnings } from '../print-warnings';

/** Parsed flags of `scan`. */
export interface ScanArgs extends TuningArgs {
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly out?: string;
  readonly color?: boolean;
  readonly quiet: boolean;
  readonly workers?: number;
  readonly field?: readonly string[];
  readonly manifest?: string;
  readonly outlets?: string;
  readonly strict: boolean;
  readonly 'stdin-format'?: StdinFormat;
  readonly 'include-same-outlet': boolean;
  readonly index?: string;
}

/** Declare the `scan` command's flags on a yargs instance. */
export function scanBuilder(y: Argv): Argv<ScanArgs> {
  const withInput = y
    .positional('paths', { describe: 'files, folders (recursive), JSONL dumps (.jsonl, .ndjson), CSV/TSV exports (.csv, .tsv), WARC (.warc), each also .gz or .zst, a .json array of articles, or - for standard input (JSONL; see --stdin-format)', type: 'string', array: true, default: undefined })
    .option('format', formatOption())
    .option('out', { type: 'string', describe: 'write the report to FILE instead of stdout (through a temporary file renamed when complete)' })
    .option('color', colorOption())
    .option('quiet', { type: 'boolean', default: false, describe: 'print no progress, warnings or summary on stderr' })
    .option('field', fieldOption())
    .option('manifest', { type: 'string', describe: 'sidecar manifest (id → outlet, url, published, title) [default: manifest.json in a scanned folder]' })
    .option('outlets', { type: 'string', describe: 'outlets file (domain → name, time zone, group) [default: outlets.json in a scanned folder]' })
    .option('strict', { type: 'boolean', default: false, describe: 'stop at the first malformed JSONL line, CSV row or JSON element (exit 2)' })
    .option('stdin-format', stdinFormatOption())
    .option('include-same-outlet', { type: 'boolean', default: false, describe: 'also report an outlet reusing part of its own text (without it, a pair of one outlet is reported only as a duplicate record: the same article twice)' })
    .option('workers', workersOption())
    .option('index', SCAN_INDEX_OPTION);
  return declareTuningFlags(withInput) as unknown as Argv<ScanArgs>;
}

function parseFields(specs: readonly string[] | undefined): Partial<FieldMap> {
  const out: Record<string, string> = {};
  for (const spec of specs ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--field: expected NAME=FIELD (e.g. text=body), got "${spec}"`);
    out[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  return out as Partial<FieldMap>;
}

/** Turn flags into scan options (only those the user gave). */
export function toScanOptions(args: ScanArgs): ScanOptions {
  return {
    ...toTuningOptions(args),
    ...(args.manifest !== undefined ? { manifest: args.manifest } : {}),
    ...(args.outlets !== undefined ? { outlets: args.outlets } : {}),
    fields: parseFields(args.field),
    strict: args.strict,
    ...(args['stdin-format'] !== undefined ? { stdinFormat: args['stdin-format'] } : {}),
    includeSameOutlet: args['include-same-outlet'],
  };
}

/** Where the NDJSON lines go: stdout, or a file renamed into place when complete. */
function ndjsonSink(args: ScanArgs, io: Io): OutputStream {
  if (args.out !== undefined) return openOutputStream(args.out);
  return { write: (text) => io.stdout(text), commit: () => undefined, abort: () => undefined };
}

/** What each phase's progress counts. */
const PROGRESS_UNITS: Readonly<Record<ScanPhase, string>> = { read: 'MB', prepare: 'articles', sign: 'articles', candidates: 'bands', align: 'candidates' };

/** Run `scan`; returns the exit code. */
export async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const started = Date.now();
  const progress = createPhasedProgress(io, args.quiet, PROGRESS_UNITS);
  const sink = args.format === 'ndjson' ? ndjsonSink(args, io) : null;
  const options = { ...toScanOptions(args), ...(io.stdin !== undefined ? { stdin: io.stdin } : {}) };
  const paths = givenPaths(args.paths);
  const index = openScanIndex(args.index, paths, options, io, args.quiet);
  const { report, texts } = await scanWithTexts(paths, options, {
    workers: resolveWorkers(args.workers),
    texts: quotesTexts(args.format),
    onProgress: (phase, done, total) => progress.update(phase, done, total),
    ...(sink !== null ? { onPair: (pair: Pair) => sink.write(renderNdjsonPair(pair)) } : {}),
  }).catch((error: unknown) => {
    sink?.abort();
    index?.close();
    throw error;
  }).finally(() => progress.end());
  if (!args.quiet) printWarnings(io, report.warnings, 'all are in the report with --format json or ndjson');
  if (report.documents.length === 0) {
    // Nothing was scanned (a wrong --field, an empty folder): a report of nothing and exit 0 would read as "no reuse found".
    sink?.abort();
    index?.close();
    throw nothingRead('scan', paths, report.warnings.length, args.quiet, args['stdin-format']);
  }
  if (sink !== null) {
    for (const text of batchText(renderNdjsonTailLines(report))) sink.write(text);
    sink.commit();
  } else {
    const pieces = renderReportChunks(report, texts, args.format, terminalLayout(args, io));
    if (args.out !== undefined) writeOutputPieces(args.out, pieces);
    else for (const text of batchText(pieces)) io.stdout(text);
  }
  if (!args.quiet) {
    let chars = 0;
    for (const d of report.documents) chars += d.length;
    if (args.out !== undefined) io.stderr(`reprint: wrote ${args.out}\n`);
    io.stderr(renderSummaryLine(report, { seconds: (Date.now() - started) / 1000, chars }));
  }
  await index?.addAndClose(paths, resolveWorkers(args.workers));
  return 0;
}
