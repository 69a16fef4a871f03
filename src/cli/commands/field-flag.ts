/** The input flags of the commands that read dumps: `--field`, `--stdin-format`. */
import { STDIN_FORMATS } from '../../ingest';
import type { StdinFormat } from '../../options';

/** The `--field` flag, shared by `scan` and `index add`. */
export function fieldOption(): { type: 'string'; array: true; describe: string } {
  return {
    type: 'string',
    array: true,
    describe: 'JSONL field mapping NAME=FIELD, e.g. --field text=body --field id=newid; FIELD may be a dotted path into nested objects (--field published=meta.date)',
  };
}

/** The `--stdin-format` flag, shared by `scan`, `index add` and `check`. */
export function stdinFormatOption(): { type: 'string'; choices: readonly StdinFormat[]; default: StdinFormat; describe: string } {
  return {
    type: 'string',
    choices: STDIN_FORMATS,
    default: 'jsonl',
    describe: 'how - (standard input) is read: jsonl, one article a line; text or html, one article (a draft piped to check)',
  };
}
