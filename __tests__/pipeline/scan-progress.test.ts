/** A scan reports its phases in order, each from 0 to its total, and the totals are what they count. */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../../src/ingest';
import { resolveOptions, scanArticles } from '../../src';
import { resolveBanding } from '../../src/pipeline/find-candidates';
import { tempDir } from '../helpers/temp-dir';

describe('scan progress', () => {
  it('goes prepare → sign → candidates → align, each ending at its total', async () => {
    const { articles } = await readInputs([resolve(__dirname, '../../samples')]);
    const options = resolveOptions({});
    const seen: [string, number, number][] = [];
    const report = await scanArticles(articles, options, [], { onProgress: (phase, done, total) => seen.push([phase, done, total]) });
    const phases = seen.map(([p]) => p).filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(phases).toEqual(['prepare', 'sign', 'candidates', 'align']);
    const last = (phase: string): [number, number] => {
      const rows = seen.filter(([p]) => p === phase);
      expect(rows[0]?.[1]).toBe(0);
      const [, done, total] = rows[rows.length - 1]!;
      return [done, total];
    };
    expect(last('prepare')).toEqual([articles.length, articles.length]);
    expect(last('sign')).toEqual([articles.length, articles.length]);
    const bands = resolveBanding(options).bands;
    expect(last('candidates')).toEqual([bands, bands]);
    const [aligned, candidates] = last('align');
    expect(aligned).toBe(candidates);
    expect(candidates).toBeGreaterThanOrEqual(report.pairs.length);
  });
});

describe('read progress', () => {
  it('counts every byte of the input files as stored, against their total (a .gz by its compressed size)', async () => {
    const dir = tempDir('reprint-read-progress-');
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Story ${i} says the council met on day ${i} and voted.` })).join('\n');
    writeFileSync(join(dir, 'a.jsonl'), lines);
    writeFileSync(join(dir, 'b.jsonl.gz'), gzipSync(lines));
    writeFileSync(join(dir, 'c.txt'), 'A plain article of a few words.');
    const size = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    const seen: [number, number | null][] = [];
    const { articles } = await readInputs([dir], { onRead: (read, total) => seen.push([read, total]) });
    expect(articles.length).toBe(801);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toEqual([size, size]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });
});
