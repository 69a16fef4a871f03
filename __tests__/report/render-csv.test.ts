/**
 * The CSV reports read back with a strict RFC 4180 reader (parse-csv.ts) and
 * compared with the report object and the sample files themselves.
 */
import { CSV_PAIR_COLUMNS, CSV_PASSAGE_COLUMNS, csvField, renderCsvPairs, renderCsvPassages } from '../../src/report';
import type { Report } from '../../src';
import { parseCsv, parseCsvObjects } from './parse-csv';
import { sampleText, scanSamples } from './samples-scan';

let report: Report;
let texts: ReadonlyMap<string, string>;
beforeAll(async () => {
  ({ report, texts } = await scanSamples());
});

describe('csvField', () => {
  test('quotes a field holding a comma, a quote, CR or LF, doubling quotes; leaves others bare', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(true)).toBe('true');
  });

  test('every awkward field reads back as itself', () => {
    const fields = ['', ',', '"', '""', 'a\r\nb', '\n', ' lead and trail ', 'é ✓ 𝄞', '</script>'];
    const line = `${fields.map(csvField).join(',')}\r\n`;
    expect(parseCsv(line)).toEqual([fields]);
  });
});

describe('--format csv on the samples (pairs)', () => {
  test('one record per pair after the header, values as in the report', () => {
    const csv = renderCsvPairs(report);
    const { header, rows } = parseCsvObjects(csv);
    expect(header).toEqual([...CSV_PAIR_COLUMNS]);
    expect(rows).toHaveLength(report.pairs.length);
    expect(report.pairs.length).toBeGreaterThan(0);
    const docs = new Map(report.documents.map((d) => [d.id, d]));
    report.pairs.forEach((pair, i) => {
      const row = rows[i] ?? {};
      expect(row['rank']).toBe(String(i + 1));
      expect(row['source']).toBe(pair.source);
      expect(row['target']).toBe(pair.target);
      expect(row['relation']).toBe(pair.relation);
      expect(row['directed']).toBe(String(pair.directed));
      expect(Number(row['score'])).toBeCloseTo(pair.score, 4);
      expect(Number(row['coverage_source'])).toBeCloseTo(pair.coverage.source, 4);
      expect(Number(row['coverage_target'])).toBeCloseTo(pair.coverage.target, 4);
      expect(Number(row['passages'])).toBe(pair.passages.length);
      const kinds = ['verbatim', 'near_verbatim', 'paraphrase', 'quote'].reduce((n, k) => n + Number(row[k]), 0);
      expect(kinds).toBe(pair.passages.length);
      expect(row['source_title']).toBe(docs.get(pair.source)?.title ?? '');
      expect(row['target_url']).toBe(docs.get(pair.target)?.url ?? '');
      expect(row['source_outlet']).toBe(docs.get(pair.source)?.outlet ?? '');
    });
    // the founding example: Sputnik → Taghrib is rank 1
    expect(rows[0]).toMatchObject({ source_outlet: 'sputniknews.com', target_outlet: 'taghribnews.com', relation: 'syndication', directed: 'true' });
  });

  test('a title with a comma, quotes and a line break survives; a formula-looking title is defused', () => {
    const tricky: Report = {
      ...report,
      documents: report.documents.map((d) => (d.id === report.pairs[0]?.source ? { ...d, title: 'He said, "no"\r\nthen left' } : d.id === report.pairs[0]?.target ? { ...d, title: '=HYPERLINK("http://x")' } : d)),
    };
    const { rows } = parseCsvObjects(renderCsvPairs(tricky));
    expect(rows[0]?.['source_title']).toBe('He said, "no"\r\nthen left');
    expect(rows[0]?.['target_title']).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('--format csv-passages on the samples', () => {
  test('one record per passage; its offsets slice the sample files to the texts in the record', () => {
    const { header, rows } = parseCsvObjects(renderCsvPassages(report, texts));
    expect(header).toEqual([...CSV_PASSAGE_COLUMNS]);
    expect(rows).toHaveLength(report.pairs.reduce((n, p) => n + p.passages.length, 0));
    const undefuse = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
    let k = 0;
    report.pairs.forEach((pair, i) => {
      pair.passages.forEach((p, j) => {
        const row = rows[k++] ?? {};
        expect([row['rank'], row['passage'], row['source'], row['target'], row['kind']]).toEqual([String(i + 1), String(j + 1), pair.source, pair.target, p.kind]);
        const [ss, se, ts, te] = [row['source_start'], row['source_end'], row['target_start'], row['target_end']].map(Number) as [number, number, number, number];
        expect([ss, se, ts, te]).toEqual([p.source.start, p.source.end, p.target.start, p.target.end]);
        const sourceText = undefuse(row['source_text'] ?? '');
        const targetText = undefuse(row['target_text'] ?? '');
        expect(sourceText.length).toBeGreaterThan(0);
        expect(sourceText).toBe(sampleText(pair.source).slice(ss, se));
        expect(targetText).toBe(sampleText(pair.target).slice(ts, te));
      });
    });
  });
});
