/**
 * Input warnings on stderr, a line each, but not thousands of one kind: a
 * dump whose every record lacks the same field would otherwise print a line
 * per record. Per file and warning code, the first {@link SHOWN_PER_KIND}
 * are printed, then one line counting the rest. Nothing is dropped from
 * what the command returns (the report's `warnings`, the summary's count).
 */
import type { Warning } from '../model';
import type { StdinFormat } from '../options';
import type { Io } from './io';
import { InputError } from '../errors';
import { STDIN_DISPLAY, STDIN_PATH } from '../ingest';
import { thousands } from '../report';

/** Warnings of one code in one file printed in full. */
export const SHOWN_PER_KIND = 5;

/** The file a warning is about: its `where` without a `:line` suffix. */
function fileOf(where: string): string {
  return where.replace(/:\d+$/, '');
}

/**
 * Print `warnings` (see the module header). `more` says where the ones not
 * printed can be read, if anywhere (e.g. the JSON report).
 */
export function printWarnings(io: Pick<Io, 'stderr'>, warnings: readonly Warning[], more: string | null): void {
  const seen = new Map<string, number>();
  const held = new Map<string, { readonly file: string; readonly code: string; count: number }>();
  for (const w of warnings) {
    const file = fileOf(w.where);
    const key = `${w.code}\u0000${file}`;
    const shown = seen.get(key) ?? 0;
    if (shown < SHOWN_PER_KIND) {
      seen.set(key, shown + 1);
      io.stderr(`reprint: warning: ${w.where}: ${w.message}\n`);
      continue;
    }
    const rest = held.get(key);
    if (rest === undefined) held.set(key, { file, code: w.code, count: 1 });
    else rest.count++;
  }
  for (const { file, code, count } of held.values()) {
    const what = count === 1 ? `${code} warning like these` : `${code} warnings like these`;
    io.stderr(`reprint: warning: ${file}: ${thousands(count)} more ${what} not shown${more === null ? '' : ` (${more})`}\n`);
  }
}

/**
 * The error of a run that read no article from `inputs` (`scan`, `index
 * add`; the paths given, `-` for standard input): an empty folder, or every file and record skipped (a wrong
 * `--field`), which must not look like a run that found nothing.
 */
export function nothingRead(what: string, inputs: readonly string[], warnings: number, quiet: boolean, stdinFormat?: StdinFormat): InputError {
  const why = warnings === 0 ? 'the inputs hold none' : `every input was empty or skipped (${warnings} warning${warnings === 1 ? '' : 's'}${quiet ? '; run without --quiet to see them' : ' above'})`;
  return new InputError(inputs.map((input) => (input === STDIN_PATH ? STDIN_DISPLAY : input)).join(', '), `no article to ${what}: ${why}${stdinHint(inputs, stdinFormat, 'article')}`);
}

/**
 * What to add to "nothing read" when standard input was among `inputs` and
 * read as JSONL: that it was, and the flag for one article of plain text
 * (`noun`: what that text is, an article or a draft); '' otherwise.
 */
export function stdinHint(inputs: readonly string[], stdinFormat: StdinFormat | undefined, noun: string): string {
  if (!inputs.includes(STDIN_PATH) || (stdinFormat ?? 'jsonl') !== 'jsonl') return '';
  return `; standard input is read as JSONL, one ${noun} a line (one ${noun} of plain text: --stdin-format text)`;
}
