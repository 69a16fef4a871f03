/**
 * `reprint check <draft...> --index FILE`: the drafts against the archive.
 * Exit 1 when `--fail-above SHARE` is given and some draft reuses at least
 * SHARE of its characters from one archived article, or `--fail-above-total
 * SHARE` and some draft reuses that much from all of them together.
 */
import type { Argv } from 'yargs';
import { OptionsError } from '../../errors';
import { checkDrafts, type DraftShare } from '../../pipeline/check-drafts';
import { addArticlesToIndex } from '../../pipeline/index-articles';
import { openIndex } from '../../pipeline/open-index';
import { readArticles } from '../../pipeline/read-articles';
import { renderReport, type ReportFormat } from '../../report';
import { EXIT, UsageError } from '../exit-codes';
import type { Io } from '../io';
import { givenPaths } from '../stdin-arg';
import { terminalLayout } from '../terminal-layout';
import { writeOutputFile } from '../write-output';
import { colorOption, formatOption } from './report-flags';
import { stdinFormatOption } from './field-flag';
import { declareIndexInputFlags, toIndexInputOptions, waitNotice, type IndexInputArgs } from './index-flags';
import { printWarnings, stdinHint } from '../print-warnings';

/** Parsed flags of `check`. */
export interface CheckArgs extends IndexInputArgs {
  readonly drafts: readonly string[];
  readonly format: ReportFormat;
  readonly color?: boolean;
  readonly out?: string;
  readonly 'fail-above'?: number;
  readonly 'fail-above-total'?: number;
  readonly add: boolean;
}

/** Declare the flags of `check`. */
export function checkBuilder(y: Argv): Argv<CheckArgs> {
  const withDrafts = y
    .positional('drafts', { describe: 'draft files (plain text, HTML, Markdown), JSONL, CSV or a .json array of drafts, or - for standard input (JSONL; a plain-text draft with --stdin-format text)', type: 'string', array: true, default: undefined })
    .option('stdin-format', stdinFormatOption())
    .option('format', formatOption())
    .option('out', { type: 'string', describe: 'write the report to FILE instead of stdout (through a temporary file renamed when complete)' })
    .option('color', colorOption())
    .option('fail-above', { type: 'number', describe: 'exit 1 when a draft reuses at least this share (0–1] of its characters from one archived article' })
    .option('fail-above-total', { type: 'number', describe: 'exit 1 when a draft reuses at least this share (0–1] of its characters from all archived articles together (a draft pieced together from several)' })
    .option('add', { type: 'boolean', default: false, describe: 'add the drafts to the index after checking them' })
    .option('include-same-outlet', { type: 'boolean', default: false, describe: 'also compare with archived articles of the draft’s own outlet' });
  return declareIndexInputFlags(withDrafts) as unknown as Argv<CheckArgs>;
}

/** Validate `--fail-above` (or `--fail-above-total`, named by `flag`). */
export function resolveFailAbove(value: number | undefined, flag = 'fail-above'): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new OptionsError(flag, `must be a share in (0, 1], e.g. 0.2 for 20% of the draft (got ${String(value)})`);
  }
  return value;
}

/** Run `check`; returns the exit code. */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const failAbove = resolveFailAbove(args['fail-above']);
  const failAboveTotal = resolveFailAbove(args['fail-above-total'], 'fail-above-total');
  const scanOptions = toIndexInputOptions(args, io);
  const { store, options } = openIndex(args.index, scanOptions, { onWait: waitNotice(io, args.quiet) });
  try {
    const drafts = givenPaths(args.drafts);
    const { articles, warnings } = await readArticles(drafts, scanOptions);
    if (!args.quiet) printWarnings(io, warnings, 'all are in the report with --format json');
    if (articles.length === 0) throw new UsageError(`no draft to check: every input was empty or skipped${stdinHint(drafts, args['stdin-format'], 'draft')}`);
    const { report, texts, largest } = checkDrafts(store, articles, options, warnings);
    const body = renderReport(report, texts, args.format, terminalLayout(args, io));
    if (args.out !== undefined) writeOutputFile(args.out, body);
    else io.stdout(body);
    const overOne = (l: DraftShare): boolean => failAbove !== null && l.share >= failAbove;
    const overAll = (l: DraftShare): boolean => failAboveTotal !== null && l.reused >= failAboveTotal;
    if (!args.quiet) for (const l of largest) io.stderr(`reprint: check: ${describeShares(l, overOne(l) ? failAbove : null, overAll(l) ? failAboveTotal : null)}\n`);
    if (args.add) {
      const added = await addArticlesToIndex(store, articles, options);
      if (!args.quiet) io.stderr(`reprint: ${args.index}: ${added.added} added, ${added.replaced} replaced, ${added.unchanged} unchanged\n`);
    }
    return largest.some((l) => overOne(l) || overAll(l)) ? EXIT.findings : EXIT.ok;
  } finally {
    store.close();
  }
}

/**
 * A draft's line of the check summary: its largest share from one article,
 * what it reuses in all when that is from several, and the bars it reaches.
 */
export function describeShares(l: DraftShare, overOne: number | null, overAll: number | null): string {
  if (l.source === null) return `${l.draft}: no reused passages found`;
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const all = l.sources > 1 ? `; ${pct(l.reused)} in all, from ${l.sources} archived articles` : '';
  const bars = [overOne === null ? null : `--fail-above ${overOne}`, overAll === null ? null : `--fail-above-total ${overAll}`].filter((b) => b !== null);
  return `${l.draft}: ${pct(l.share)} of it from ${l.source}${all}${bars.length > 0 ? ` (at or above ${bars.join(' and ')})` : ''}`;
}
