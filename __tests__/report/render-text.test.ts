/** The text report's colour and width options (the plain report is pinned by the golden and CLI tests). */
import { renderSummaryLine, renderText } from '../../src/report';
import type { Report } from '../../src';
import { scanSamples } from './samples-scan';

let report: Report;
let texts: ReadonlyMap<string, string>;
beforeAll(async () => {
  ({ report, texts } = await scanSamples());
});

const ANSI = /\u001b\[[0-9;]*m/g;

describe('renderText', () => {
  test('no escape codes unless colour is asked for', () => {
    expect(renderText(report, { texts })).not.toContain('\u001b');
    expect(renderText(report, { texts, color: false, width: 80 })).not.toContain('\u001b');
  });

  test('colour adds only escape codes: without them the text is the plain report', () => {
    const coloured = renderText(report, { texts, color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(renderText(report, { texts }));
    // relation and passage kinds are coloured words
    expect(coloured).toContain('\u001b[31msyndication\u001b[0m');
    expect(coloured).toMatch(/\u001b\[3\dmverbatim\u001b\[0m/);
  });

  test.each([60, 80, 120])('at width %i no line is longer, quotes are shortened with … and nothing is lost but quote text', (width) => {
    const out = renderText(report, { texts, width, color: true }).replace(ANSI, '');
    for (const line of out.split('\n')) {
      // a single word longer than the width may stand alone
      if (line.length > width) expect(line.trim()).not.toContain(' ');
    }
    const quotes = out.split('\n').filter((l) => /^ {5}"/.test(l));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((q) => q.includes(' … '))).toBe(true);
    // unwrapping gives back every word of the plain report outside quotes
    const words = (s: string): string[] => s.split('\n').filter((l) => !/^ {5}"/.test(l)).join(' ').split(/\s+/).filter(Boolean);
    expect(words(out)).toEqual(words(renderText(report, { texts })));
  });
});

describe('renderSummaryLine', () => {
  it('counts in the singular for one and the plural otherwise', async () => {
    const { report } = await scanSamples();
    const warning = { code: 'E_EMPTY', where: 'x.jsonl', message: 'empty file (0 bytes); skipped' };
    const one = { ...report, clusters: report.clusters.slice(0, 1), warnings: [warning] } as unknown as Report;
    expect(renderSummaryLine(one, { seconds: 1, chars: 10 })).toMatch(/, 1 cluster, 1 warning in 1\.0 s/);
    const two = { ...report, clusters: [], warnings: [warning, warning] } as unknown as Report;
    expect(renderSummaryLine(two, { seconds: 1, chars: 10 })).toMatch(/, 0 clusters, 2 warnings in 1\.0 s/);
    const single = { ...report, documents: report.documents.slice(0, 1) } as unknown as Report;
    expect(renderSummaryLine(single, { seconds: 1, chars: 10 })).toMatch(/^reprint: 1 article, /);
  });

  it('writes large counts with thousands separators (a dump of tens of thousands of articles)', async () => {
    const { report } = await scanSamples();
    const many = { ...report, documents: Array.from({ length: 19_043 }, () => report.documents[0]), warnings: Array.from({ length: 2_535 }, () => report.warnings[0]) } as unknown as Report;
    expect(renderSummaryLine(many, { seconds: 2, chars: 10 })).toMatch(/^reprint: 19,043 articles, 6 pairs \(.*\), 2 clusters, 2,535 warnings in 2\.0 s \(9,522 articles\/s, /);
  });
});
