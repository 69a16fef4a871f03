/** `reprint scan <paths...>`: flags → one library call → one renderer. */
import type { Argv } from 'yargs';
import { scanWithTexts } from '../../pipeline';
import { renderJson, renderText } from '../../report';
import type { FieldMap, ScanOptions } from '../../options';
import { DEFAULTS } from '../../options';
import { UsageError } from '../exit-codes';
import type { Io } from '../io';
import { writeOutputFile } from '../write-output';

/** Parsed flags of `scan`. */
export interface ScanArgs {
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
  readonly out?: string;
  readonly quiet: boolean;
  readonly 'shingle-size'?: number;
  readonly 'num-perm'?: number;
  readonly seed?: number;
  readonly threshold?: number;
  readonly bands?: number;
  readonly rows?: number;
  readonly 'passage-words'?: number;
  readonly 'anchor-size'?: number;
  readonly 'max-gap'?: number;
  readonly 'min-passage-words'?: number;
  readonly 'syndication-share'?: number;
  readonly field?: readonly string[];
  readonly manifest?: string;
  readonly outlets?: string;
  readonly strict: boolean;
}

/** Declare the `scan` command's flags on a yargs instance. */
export function scanBuilder(y: Argv): Argv<ScanArgs> {
  return y
    .positional('paths', { describe: 'files, folders (recursive) or JSONL dumps', type: 'string', array: true })
    .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'report format' })
    .option('out', { type: 'string', describe: 'write the report to FILE (atomically) instead of stdout' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print no warnings or summary on stderr' })
    .option('shingle-size', { type: 'number', describe: `words per MinHash shingle; smaller = more recall on edited copies, more candidates [default: ${DEFAULTS.shingleSize}]` })
    .option('num-perm', { type: 'number', describe: `MinHash permutations; more = tighter estimates, more time [default: ${DEFAULTS.numPerm}]` })
    .option('seed', { type: 'number', describe: `MinHash seed [default: ${DEFAULTS.seed}]` })
    .option('threshold', { type: 'number', describe: `passage Jaccard at which LSH proposes a candidate; lower = more recall, more alignment work [default: ${DEFAULTS.threshold}]` })
    .option('bands', { type: 'number', describe: 'LSH bands (with --rows; overrides --threshold)' })
    .option('rows', { type: 'number', describe: 'LSH rows per band (with --bands)' })
    .option('passage-words', { type: 'number', describe: `words per fingerprinted passage window; shorter finds shorter reuse, costs more [default: ${DEFAULTS.passageWords}]` })
    .option('anchor-size', { type: 'number', describe: `words per exact alignment anchor; shorter survives denser edits, matches stock phrases [default: ${DEFAULTS.anchorSize}]` })
    .option('max-gap', { type: 'number', describe: `words bridged inside one passage; larger merges edited stretches [default: ${DEFAULTS.maxGap}]` })
    .option('min-passage-words', { type: 'number', describe: `fewest matching words reported as a passage; lower reports stock phrases [default: ${DEFAULTS.minPassageWords}]` })
    .option('syndication-share', { type: 'number', describe: `share of either article reused (outside quotes) that makes a pair syndication [default: ${DEFAULTS.syndicationShare}]` })
    .option('field', { type: 'string', array: true, describe: 'JSONL field mapping NAME=FIELD, e.g. --field text=body --field id=newid' })
    .option('manifest', { type: 'string', describe: 'sidecar manifest (id → outlet, url, published, title) [default: manifest.json in a scanned folder]' })
    .option('outlets', { type: 'string', describe: 'outlets file (domain → name, time zone, group) [default: outlets.json in a scanned folder]' })
    .option('strict', { type: 'boolean', default: false, describe: 'stop at the first malformed JSONL line (exit 2)' }) as unknown as Argv<ScanArgs>;
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
  const pick = <K extends keyof ScanOptions>(key: K, value: ScanOptions[K] | undefined): Partial<ScanOptions> =>
    value === undefined ? {} : ({ [key]: value } as Partial<ScanOptions>);
  return {
    ...pick('shingleSize', args['shingle-size']),
    ...pick('numPerm', args['num-perm']),
    ...pick('seed', args.seed),
    ...pick('threshold', args.threshold),
    ...pick('bands', args.bands),
    ...pick('rows', args.rows),
    ...pick('passageWords', args['passage-words']),
    ...pick('anchorSize', args['anchor-size']),
    ...pick('maxGap', args['max-gap']),
    ...pick('minPassageWords', args['min-passage-words']),
    ...pick('syndicationShare', args['syndication-share']),
    ...pick('manifest', args.manifest),
    ...pick('outlets', args.outlets),
    fields: parseFields(args.field),
    strict: args.strict,
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
