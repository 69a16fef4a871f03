/**
 * The report flags `scan` and `check` share: `--format` (every format
 * `renderReport` writes) and `--color` / `--no-color` for the text report.
 */
import { REPORT_FORMATS } from '../../report';

/** `--format`: every report format, text by default. */
export function formatOption() {
  return {
    choices: REPORT_FORMATS,
    default: 'text' as const,
    describe:
      'report format. ndjson: pairs, then documents, clusters, warnings and a summary line (scan streams the pairs as found); ' +
      'html: one self-contained page (heat map, outlet graph, side-by-side views; best with --out report.html); ' +
      'csv: one row per pair; csv-passages: one row per passage with offsets and texts; md: a Markdown summary',
  };
}

/** `--color` / `--no-color`. */
export function colorOption() {
  return {
    type: 'boolean' as const,
    describe: 'colour the text report (default: when stdout is a terminal and NO_COLOR is unset; --no-color: never)',
  };
}
