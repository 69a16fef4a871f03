/**
 * Boilerplate never appears inside a reported passage: a copy of Sputnik's
 * whole page (its footer printed five times included) against the original.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveOptions, scanArticles } from '../../src';
import { article } from '../helpers/article';

const SPUTNIK = readFileSync(join(__dirname, '..', '..', 'samples', '004_c4d09dfc72624344.txt'), 'utf8');
const FOOTER_WORDS = /Rosiya Segodnya|74956456601|1920 1080/;

describe('boilerplate', () => {
  const copy = `Copied today.\n\n${SPUTNIK.replace('Lavrov was also said', 'Lavrov was, reportedly, also said')}`;
  const articles = [article('original', SPUTNIK, 'sputniknews.com'), article('copy', copy, 'copier.example')];

  test('the repeated footer is in no passage, while the body is', async () => {
    const report = await scanArticles(articles, resolveOptions());
    const pair = report.pairs[0];
    expect(pair).toBeDefined();
    // Both undated: the pair is undirected and its source is the lexically first id ("copy").
    expect(pair?.source).toBe('copy');
    const texts = (pair?.passages ?? []).flatMap((p) => [copy.slice(p.source.start, p.source.end), SPUTNIK.slice(p.target.start, p.target.end)]);
    expect(texts.some((t) => t.includes('Moscow has consistently dismissed'))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(FOOTER_WORDS);
  });

  test('with boilerplate handling off, the footer is matched as text (the test can fail)', async () => {
    const report = await scanArticles(articles, resolveOptions({ boilerplate: false }));
    const texts = (report.pairs[0]?.passages ?? []).map((p) => SPUTNIK.slice(p.target.start, p.target.end));
    expect(texts.some((t) => FOOTER_WORDS.test(t))).toBe(true);
  });
});

describe('same-outlet pairs', () => {
  const copy = `Copied today.\n\n${SPUTNIK}`;
  const part = `Background, from our own earlier report.\n\n${SPUTNIK.slice(0, Math.floor(SPUTNIK.length / 3))}`;
  test('the same article twice is reported as a duplicate; a part of one reused is left out by default and kept with includeSameOutlet', async () => {
    const twice = [article('a', SPUTNIK, 'sputniknews.com'), article('b', copy, 'sputniknews.com')];
    expect((await scanArticles(twice, resolveOptions())).pairs.map((p) => [p.source, p.target, p.sameOutlet])).toEqual([['a', 'b', true]]);
    const reused = [article('a', SPUTNIK, 'sputniknews.com'), article('c', part, 'sputniknews.com')];
    expect((await scanArticles(reused, resolveOptions())).pairs).toHaveLength(0);
    expect((await scanArticles(reused, resolveOptions({ includeSameOutlet: true }))).pairs).toHaveLength(1);
  });
});
