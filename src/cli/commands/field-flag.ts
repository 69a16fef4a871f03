/** The `--field` flag of the commands that read JSONL dumps. */

/** The `--field` flag, shared by `scan` and `index add`. */
export function fieldOption(): { type: 'string'; array: true; describe: string } {
  return {
    type: 'string',
    array: true,
    describe: 'JSONL field mapping NAME=FIELD, e.g. --field text=body --field id=newid; FIELD may be a dotted path into nested objects (--field published=meta.date)',
  };
}
