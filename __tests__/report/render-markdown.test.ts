/** The Markdown summary: its table and quotes checked against the report and the sample files. */
import { codeSpan, escapeMarkdown, outletLabel, renderMarkdown } from '../../src/report';
import type { Report } from '../../src';
import { sampleText, scanSamples } from './samples-scan';

let report: Report;
let texts: ReadonlyMap<string, string>;
beforeAll(async () => {
  ({ report, texts } = await scanSamples());
});

/** Undo backslash escapes of ASCII punctuation (CommonMark). */
function unescape(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Cells of a table row, split at pipes that are not escaped. */
function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

describe('escapeMarkdown', () => {
  test('pipes, tags, entities, emphasis, references and leading list or heading markers are escaped', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('*bold* _em_ `code` [link](x) ~~s~~ &amp;')).toBe('\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ \\&amp;');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('@user and #123')).toBe('\\@user and \\#123');
    expect(escapeMarkdown('two\nlines\r\n and  spaces')).toBe('two lines and spaces');
  });

  test('unescaping gives the folded text back', () => {
    const s = 'He said: "a|b" <b>*x*</b> & [y](z) #1 @me ~ `q` 2) \\ end';
    expect(unescape(escapeMarkdown(s))).toBe(s);
  });
});

describe('codeSpan', () => {
  test('fences outlast any run of backticks inside, padded when the text starts or ends with one', () => {
    expect(codeSpan('004_c4d09dfc72624344')).toBe('`004_c4d09dfc72624344`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('a``b`')).toBe('``` a``b` ```');
    expect(codeSpan('x <b>|</b>\ny')).toBe('`x <b>|</b> y`');
  });
});

describe('--format md on the samples', () => {
  test('a headline with the counts, then one table row per pair with ids, relation and score', () => {
    const md = renderMarkdown(report, texts);
    const lines = md.split('\n');
    expect(md).toContain(`**${report.documents.length} documents, ${report.pairs.length} pairs with reused passages`);
    const rows = lines.filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(report.pairs.length);
    const header = lines.find((l) => l.startsWith('| # |')) ?? '';
    rows.forEach((row, i) => {
      const pair = report.pairs[i];
      if (pair === undefined) throw new Error('row without pair');
      const c = cells(row);
      expect(c).toHaveLength(cells(header).length);
      expect(c[0]).toBe(String(i + 1));
      expect(unescape(c[1] ?? '')).toContain(`(${pair.source})`);
      expect(c[2]).toBe(pair.directed ? '→' : '↔');
      expect(unescape(c[3] ?? '')).toContain(`(${pair.target})`);
      expect(c[4]).toBe(pair.relation);
      expect(Number(c[5])).toBeCloseTo(pair.score, 3);
    });
    expect(unescape(rows[0] ?? '')).toMatch(/Sputnik International .* → .*Taghrib News/);
  });

  test('each quote is the start and end of a passage of the source text, shortened with …', () => {
    const md = renderMarkdown(report, texts);
    const lines = md.split('\n');
    let quotes = 0;
    lines.forEach((line, i) => {
      const m = /^- \S+, similarity [\d.]+, source \[(\d+), (\d+)\)/.exec(line);
      if (m === null) return;
      const heading = [...lines.slice(0, i)].reverse().find((l) => /^\*\*\d+\. /.test(l)) ?? '';
      const rank = Number(/^\*\*(\d+)\./.exec(heading)?.[1]);
      const pair = report.pairs[rank - 1];
      if (pair === undefined) throw new Error(`no pair ${rank}`);
      const passage = sampleText(pair.source).slice(Number(m[1]), Number(m[2])).replace(/\s+/g, ' ').trim();
      const quote = unescape((lines[i + 1] ?? '').replace(/^ {2}> /, ''));
      const [head = '', tail] = quote.split(' … ');
      expect(passage.startsWith(head)).toBe(true);
      if (tail !== undefined) {
        expect(passage.endsWith(tail)).toBe(true);
        expect(head.length + tail.length).toBeLessThan(passage.length);
      } else expect(head).toBe(passage);
      quotes += 1;
    });
    expect(quotes).toBeGreaterThanOrEqual(Math.min(5, report.pairs.length));
  });

  test('cluster members: outlet and id as code, or the id alone when the outlet is unknown', () => {
    const md = renderMarkdown(report, texts);
    const items = md.split('\n').filter((l) => /^- #\d+: \d+ documents; /.test(l));
    expect(items).toHaveLength(report.clusters.length);
    let unknown = 0;
    report.clusters.forEach((cluster, i) => {
      const item = items[i] ?? '';
      for (const member of cluster.members) {
        const doc = report.documents.find((d) => d.id === member.id);
        if (doc?.outlet === null && doc.outletName === null) {
          expect(item).toMatch(new RegExp(`(; |, )\`${member.id}\``));
          unknown += 1;
        } else expect(item).toContain(`${unescape(escapeMarkdown(outletLabel(doc)))} \`${member.id}\``);
      }
      expect(item).not.toContain('unknown outlet');
    });
    expect(unknown).toBeGreaterThan(0);
    expect(md).toContain('Sputnik International (sputniknews.com) `004_c4d09dfc72624344`');
  });

  test('a pipe or markup in a title cannot break the table', () => {
    const first = report.pairs[0];
    const tricky: Report = {
      ...report,
      documents: report.documents.map((d) => (d.id === first?.source ? { ...d, outletName: 'A | B <img src=x onerror=alert(1)>' } : d)),
    };
    const row = renderMarkdown(tricky, texts).split('\n').find((l) => l.startsWith('| 1 |')) ?? '';
    expect(cells(row)).toHaveLength(9);
    expect(row).toContain('A \\| B \\<img src=x onerror=alert(1)\\>');
  });
});
