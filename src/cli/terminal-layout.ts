/**
 * Colour and width of the text report: decided from the flags and the
 * terminal, once, here.
 *
 * - colour: `--color` / `--no-color` when given; else on when stdout is a
 *   terminal and `NO_COLOR` is not set;
 * - width: on a terminal, its columns (100 when it does not say); the report
 *   written to a file or a pipe is not wrapped, so it stays greppable and the
 *   same as before.
 */
import type { Io } from './io';

/** What `--color` / `--no-color` and `--out` said. */
export interface LayoutFlags {
  readonly color?: boolean;
  readonly out?: string;
}

/** Default columns of a terminal that does not report its width. */
export const DEFAULT_COLUMNS = 100;

/** The text report's colour and width for these flags on this terminal. */
export function terminalLayout(flags: LayoutFlags, io: Io): { color: boolean; width?: number } {
  const toTerminal = flags.out === undefined && io.stdoutIsTty === true;
  const color = flags.color ?? (toTerminal && io.noColor !== true);
  // A terminal that reports 0 columns (a pty nobody sized, as under `script`) does not know its width.
  const columns = io.stdoutColumns !== undefined && io.stdoutColumns > 0 ? io.stdoutColumns : DEFAULT_COLUMNS;
  return toTerminal ? { color, width: columns } : { color };
}
