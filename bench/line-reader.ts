/**
 * Lines of a (possibly multi-gigabyte) UTF-8 file, read in 1 MiB chunks: no
 * single string holds the file, so the 1M-article dump (≈ 2.5 GB, beyond V8's
 * string limit) reads like the small ones. Used by the child-process jobs.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Call `onLine` with every non-empty line of `file` (without its newline). */
export function forEachLine(file: string, onLine: (line: string) => void): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      const chunk = n === 0 ? decoder.end() : decoder.write(buffer.subarray(0, n));
      const text = carry + chunk;
      let from = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
        if (nl > from) onLine(text.slice(from, nl));
        from = nl + 1;
      }
      carry = text.slice(from);
      if (n === 0) break;
    }
    if (carry.trim() !== '') onLine(carry);
  } finally {
    closeSync(fd);
  }
}

/** The article text of a parsed JSONL record: the first present of `fields`, else ''. */
export function recordText(record: unknown, fields: readonly string[]): string {
  if (typeof record !== 'object' || record === null) return '';
  for (const f of fields) {
    const v = (record as Record<string, unknown>)[f];
    if (typeof v === 'string') return v;
  }
  return '';
}

/**
 * The elements of the top-level `pairs` array of a JSON report as reprint
 * writes it (two-space indent: each element opens with a line of four spaces
 * and `{` and closes with four spaces and `}`), parsed one at a time, so a
 * report larger than a V8 string (a million documents) can be scored.
 */
export function forEachReportPair(file: string, onPair: (pair: unknown) => void): void {
  let inPairs = false;
  let element: string[] = [];
  forEachLine(file, (line) => {
    if (!inPairs) {
      if (line === '  "pairs": [') inPairs = true;
      return;
    }
    if (element.length === 0 && line.startsWith('  ]')) {
      inPairs = false;
      return;
    }
    element.push(line);
    if (line === '    }' || line === '    },') {
      const text = element.join('\n');
      onPair(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text));
      element = [];
    }
  });
}
