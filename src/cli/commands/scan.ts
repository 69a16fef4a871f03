/** `reprint scan <paths...>`: flags → one library call → one renderer. */
import type { Argv } from 'yargs';
import { scanWithTexts } from '../../pipeline';
import { renderJson, renderText } from '../../report';
import type { FieldMap, ScanOptions } from '../../options';
import { UsageError } from '../exit-codes';
import { declareTuningFlags, toTuningOptions, type TuningArgs } from './tuning-flags';
import type { Io } from '../io';
import { writeOutputFile } from '../write-output';

/** Parsed flags of `scan`. */
export interface ScanArgs extends TuningArgs {
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
  readonly out?: string;
  readonly quiet: boolean;
  readonly field?: readonly string[];
  readonly manifest?: string;
  readonly outlets?: string;
  readonly strict: boolean;
  readonly 'include-same-outlet': boolean;
}

/** Declare the `scan` command's flags on a yargs instance. */
export function scanBuilder(y: Argv): Argv<ScanArgs> {
  const withInput = y
    .positional('paths', { describe: 'files, folders (recursive) or JSONL dumps', type: 'string', array: true })
    .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'report format' })
    .option('out', { type: 'string', describe: 'write the report to FILE (atomically) instead of stdout' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print no warnings or summary on stderr' })
    .option('field', { type: 'string', array: true, describe: 'JSONL field mapping NAME=FIELD, e.g. --field text=body --field id=newid' })
    .option('manifest', { type: 'string', describe: 'sidecar manifest (id → outlet, url, published, title) [default: manifest.json in a scanned folder]' })
    .option('outlets', { type: 'string', describe: 'outlets file (domain → name, time zone, group) [default: outlets.json in a scanned folder]' })
    .option('strict', { type: 'boolean', default: false, describe: 'stop at the first malformed JSONL line (exit 2)' })
    .option('include-same-outlet', { type: 'boolean', default: false, describe: 'also report pairs of articles from the same outlet' });
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
    includeSameOutlet: args['include-same-outlet'],
  };
}

/** Run `scan`; returns the exit code. */
export async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const { report, texts } = await scanWithTexts(args.paths, toScanOptions(args));
  if (!args.quiet) {
    for (const w of report.warnings) io.stderr(`reprint: warning: ${w.where}: ${w.message}\n`);
  }
  const body = args.format === 'json' ? renderJson(report) : renderText(report, { texts });
  if (args.out !== undefined) {
    writeOutputFile(args.out, body);
    if (!args.quiet) io.stderr(`reprint: wrote ${args.out} (${report.documents.length} documents, ${report.pairs.length} pairs)\n`);
  } else {
    io.stdout(body);
  }
  return 0;
}
