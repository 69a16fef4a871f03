/** A scan reports its phases in order, each from 0 to its total, and the totals are what they count. */
import { resolve } from 'node:path';
import { readInputs } from '../../src/ingest';
import { resolveOptions, scanArticles } from '../../src';
import { resolveBanding } from '../../src/pipeline/find-candidates';

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
