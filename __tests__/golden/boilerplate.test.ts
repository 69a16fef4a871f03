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
  test('are left out by default and kept with includeSameOutlet', async () => {
    const same = [article('a', SPUTNIK, 'sputniknews.com'), article('b', copy, 'sputniknews.com')];
    expect((await scanArticles(same, resolveOptions())).pairs).toHaveLength(0);
    expect((await scanArticles(same, resolveOptions({ includeSameOutlet: true }))).pairs).toHaveLength(1);
  });
});
