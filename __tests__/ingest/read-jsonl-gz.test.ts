import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/errors';
import { scan } from '../../src/index';
import { readInputs } from '../../src/ingest/read-inputs';
import type { Report } from '../../src/model';
import { SAMPLES_DIR, samplesJsonl, sampleText } from './streaming-fixtures';

const ALL_SAMPLES = ['000_6ebd8b03c1841edc', '001_69955482a43b296f', '002_7d7de9a9c5d4ee85', '003_07aa18f49e5e91c1', '004_c4d09dfc72624344'];

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'reprint-gz-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The report as JSON with each document's path replaced by a placeholder. */
function withoutPaths(report: Report): string {
  return JSON.stringify({ ...report, documents: report.documents.map((d) => ({ ...d, path: '<path>' })) });
}

describe('gzipped JSONL', () => {
  test('scan gives the same report for a .jsonl and the same file gzipped (only paths differ)', async () => {
    const jsonl = samplesJsonl(ALL_SAMPLES);
    writeFileSync(join(root, 'dump.jsonl'), jsonl);
    writeFileSync(join(root, 'dump.jsonl.gz'), gzipSync(jsonl));
    const options = { outlets: join(SAMPLES_DIR, 'outlets.json') };
    const plain = await scan([join(root, 'dump.jsonl')], options);
    const gz = await scan([join(root, 'dump.jsonl.gz')], options);

    expect(withoutPaths(gz)).toBe(withoutPaths(plain));
    expect(gz.documents.map((d) => d.path)).toEqual(plain.documents.map((d) => `${d.path?.replace('.jsonl:', '.jsonl.gz:')}`));
    // Not vacuous: the founding pair is in both.
    expect(gz.pairs.filter((p) => p.relation === 'syndication').map((p) => [p.source, p.target])).toEqual([['004_c4d09dfc72624344', '001_69955482a43b296f']]);
    expect(gz.documents.map((d) => d.id)).toEqual(ALL_SAMPLES);
  });

  test('a folder with .ndjson.gz is read like one with .ndjson', async () => {
    writeFileSync(join(root, 'feed.ndjson.gz'), gzipSync(samplesJsonl()));
    const { articles, warnings } = await readInputs([root]);
    expect(warnings).toEqual([]);
    expect(articles.map((a) => [a.id, a.path, a.text])).toEqual(
      ['000_6ebd8b03c1841edc', '001_69955482a43b296f', '004_c4d09dfc72624344'].map((id, i) => [id, `${root}/feed.ndjson.gz:${i + 1}`, sampleText(id)]),
    );
  });

  test('cut in the middle: one W_TRUNCATED warning naming file and line; the lines before it are read, exactly', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `doc-${i + 1}`, text: `Article number ${i + 1}. ${sampleText('004_c4d09dfc72624344').slice(i, i + 300)}` }));
    const packed = gzipSync(lines.join('\n') + '\n');
    const file = join(root, 'cut.jsonl.gz');
    writeFileSync(file, packed.subarray(0, Math.floor(packed.length / 2)));

    const { articles, warnings } = await readInputs([file]);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    const kept = articles.length;
    expect(kept).toBeGreaterThan(10);
    expect(kept).toBeLessThan(400);
    expect(warning).toEqual({
      code: 'W_TRUNCATED',
      where: `${file}:${kept + 1}`,
      message: `gzip data ends early (truncated file); line ${kept + 1} and anything after it lost, the ${kept} lines before it read`,
    });
    // Every record kept is the whole, correct record.
    const byId = new Map(articles.map((a) => [a.id, a.text]));
    for (let i = 0; i < kept; i += 1) {
      expect(byId.get(`doc-${i + 1}`)).toBe((JSON.parse(lines[i] as string) as { text: string }).text);
    }
  });

  test('a malformed line inside a .gz warns as in a plain .jsonl; --strict makes it an InputError', async () => {
    const content = '{"id": "a", "text": "One"}\n{broken\n{"id": "b", "text": "Two"}\n';
    writeFileSync(join(root, 'x.jsonl'), content);
    writeFileSync(join(root, 'x.jsonl.gz'), gzipSync(content));
    const plain = await readInputs([join(root, 'x.jsonl')]);
    const gz = await readInputs([join(root, 'x.jsonl.gz')]);
    expect(gz.articles.map((a) => [a.id, a.text])).toEqual(plain.articles.map((a) => [a.id, a.text]));
    expect(gz.warnings.map((w) => ({ ...w, where: w.where.replace('.jsonl.gz', '.jsonl') }))).toEqual(plain.warnings);
    expect(gz.warnings.map((w) => [w.code, w.where])).toEqual([['W_MALFORMED_JSON', `${join(root, 'x.jsonl.gz')}:2`]]);

    const strict = readInputs([join(root, 'x.jsonl.gz')], { strict: true });
    await expect(strict).rejects.toBeInstanceOf(InputError);
    await expect(strict).rejects.toMatchObject({ where: `${join(root, 'x.jsonl.gz')}:2` });
  });

  test('a .jsonl.gz that is not gzip: one W_CORRUPT_INPUT warning, the scan goes on', async () => {
    writeFileSync(join(root, 'a.jsonl.gz'), '{"id": "x", "text": "not compressed"}\n');
    writeFileSync(join(root, 'b.jsonl'), '{"id": "y", "text": "fine"}\n');
    const { articles, warnings } = await readInputs([root]);
    expect(articles.map((a) => a.id)).toEqual(['y']);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_CORRUPT_INPUT', `${root}/a.jsonl.gz`]]);
    expect(warnings[0]?.message).toMatch(/^not valid gzip data \(.*\); file skipped$/);
  });
});
