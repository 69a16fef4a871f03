import { printWarnings, SHOWN_PER_KIND } from '../../src/cli/print-warnings';
import type { Warning } from '../../src';

function printed(warnings: readonly Warning[], more: string | null): string[] {
  let out = '';
  printWarnings({ stderr: (t) => (out += t) }, warnings, more);
  return out.split('\n').filter((l) => l !== '');
}

describe('printWarnings', () => {
  const w = (code: string, where: string): Warning => ({ code, where, message: `${code} here` });

  test('at most five of one code in one file, then a line counting the rest of each kind; other files and codes counted apart', () => {
    const warnings = [
      ...Array.from({ length: 8 }, (_, i) => w('W_NO_ID', `a.jsonl:${i + 1}`)),
      w('W_BAD_FIELD', 'a.jsonl:3'),
      ...Array.from({ length: 6 }, (_, i) => w('W_NO_ID', `b.jsonl:${i + 1}`)),
      w('W_EMPTY_FILE', 'c.txt'),
    ];
    expect(SHOWN_PER_KIND).toBe(5);
    expect(printed(warnings, 'see the report')).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `reprint: warning: a.jsonl:${n}: W_NO_ID here`),
      'reprint: warning: a.jsonl:3: W_BAD_FIELD here',
      ...[1, 2, 3, 4, 5].map((n) => `reprint: warning: b.jsonl:${n}: W_NO_ID here`),
      'reprint: warning: c.txt: W_EMPTY_FILE here',
      'reprint: warning: a.jsonl: 3 more W_NO_ID warnings like these not shown (see the report)',
      'reprint: warning: b.jsonl: 1 more W_NO_ID warning like these not shown (see the report)',
    ]);
  });

  test('five or fewer of a kind: every one, and no counting line', () => {
    const warnings = Array.from({ length: 5 }, (_, i) => w('W_NO_TEXT', `a.jsonl:${i + 1}`));
    expect(printed(warnings, null)).toHaveLength(5);
    expect(printed([...warnings, w('W_NO_TEXT', 'a.jsonl:9')], null).pop()).toBe('reprint: warning: a.jsonl: 1 more W_NO_TEXT warning like these not shown');
  });
});
