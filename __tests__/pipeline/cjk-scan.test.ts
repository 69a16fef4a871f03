/**
 * Chinese and Japanese are written without spaces between words: a scan
 * finds reuse in them character by character, with offsets into the texts as
 * written, and does not pair two independent reports of the same event.
 *
 * Fixtures (__tests__/fixtures/cjk), written for these tests on the
 * Lavrov–Blinken call of 12 Feb 2022: `sina` lightly rewrites `xinhua` from
 * the end of its first paragraph to the end of its second; `cctv` reports the
 * same call on its own (same names, no shared text); `blog` copies two
 * sentences of `nhk` verbatim, across nhk's paragraph break.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputs } from '../../src/ingest';
import { resolveOptions, scanArticles, type Pair, type Report } from '../../src';

const DIR = resolve(__dirname, '../fixtures/cjk');
const text = (id: string): string => readFileSync(join(DIR, `${id}.txt`), 'utf8');

/** The pair of `a` and `b`, either way round, and each one's side. */
function pairOf(report: Report, a: string, b: string): { pair: Pair; sideOf: (id: string) => 'source' | 'target' } | null {
  const pair = report.pairs.find((p) => (p.source === a && p.target === b) || (p.source === b && p.target === a));
  return pair === undefined ? null : { pair, sideOf: (id) => (pair.source === id ? 'source' : 'target') };
}

describe('scan of Chinese and Japanese articles', () => {
  let report: Report;
  beforeAll(async () => {
    const { articles } = await readInputs([DIR]);
    report = await scanArticles(articles, resolveOptions({}));
  });

  test('a verbatim copy across a paragraph break is one passage whose two slices are the same text', () => {
    const found = pairOf(report, 'nhk', 'blog');
    expect(found).not.toBeNull();
    const { pair, sideOf } = found!;
    expect(pair.passages).toHaveLength(1);
    const passage = pair.passages[0]!;
    expect(passage.kind).toBe('verbatim');
    const inBlog = text('blog').slice(passage[sideOf('blog')].start, passage[sideOf('blog')].end);
    const inNhk = text('nhk').slice(passage[sideOf('nhk')].start, passage[sideOf('nhk')].end);
    // The two copied sentences, the paragraph break between them in the original aside.
    expect(inBlog.startsWith('ロシア外務省によりますと')).toBe(true);
    expect(inBlog.endsWith('不満を示しました')).toBe(true);
    expect(inNhk.replace(/\s+/g, '')).toBe(inBlog.replace(/\s+/g, ''));
  });

  test('a light rewrite is found where it is in both articles', () => {
    const found = pairOf(report, 'xinhua', 'sina');
    expect(found).not.toBeNull();
    const { pair, sideOf } = found!;
    const xinhua = text('xinhua');
    // sina rewrites xinhua from its first paragraph's "俄外长拉夫罗夫" to the end of its second paragraph.
    const from = xinhua.indexOf('俄外长拉夫罗夫');
    const to = xinhua.indexOf('\n\n', from + 100);
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const spans = pair.passages.map((p) => p[sideOf('xinhua')]);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(from);
      expect(s.end).toBeLessThanOrEqual(to);
    }
    expect(spans.reduce((n, s) => n + s.end - s.start, 0)).toBeGreaterThan(0.8 * (to - from));
    // And in sina, the rewritten paragraph, not the Olympics line after it.
    for (const p of pair.passages) expect(text('sina').slice(p[sideOf('sina')].start, p[sideOf('sina')].end)).not.toContain('冬奥会');
  });

  test('an independent report of the same call, with the same names, is paired with nothing', () => {
    expect(report.pairs.filter((p) => p.source === 'cctv' || p.target === 'cctv')).toEqual([]);
    // Nor are the Chinese and the Japanese articles paired with each other.
    const zh = new Set(['xinhua', 'sina', 'cctv']);
    expect(report.pairs.filter((p) => zh.has(p.source) !== zh.has(p.target))).toEqual([]);
  });
});

/**
 * Thai, also written without spaces between words (fixtures:
 * __tests__/fixtures/thai): `copy` reproduces the second paragraph of
 * `source` between paragraphs of its own; `other` reports a related call on
 * its own.
 */
describe('scan of Thai articles', () => {
  const THAI = resolve(__dirname, '../fixtures/thai');
  const thai = (id: string): string => readFileSync(join(THAI, `${id}.txt`), 'utf8');
  let report: Report;
  beforeAll(async () => {
    const { articles } = await readInputs([THAI]);
    report = await scanArticles(articles, resolveOptions({}));
  });

  test('the copied paragraph is one verbatim passage, the same text in both, and nothing else is paired', () => {
    expect(report.pairs).toHaveLength(1);
    const found = pairOf(report, 'source', 'copy');
    expect(found).not.toBeNull();
    const { pair, sideOf } = found!;
    expect(pair.passages).toHaveLength(1);
    const passage = pair.passages[0]!;
    const paragraph = thai('source').split('\n\n')[1]!.trim();
    expect(thai('source').slice(passage[sideOf('source')].start, passage[sideOf('source')].end)).toBe(paragraph);
    expect(thai('copy').slice(passage[sideOf('copy')].start, passage[sideOf('copy')].end)).toBe(paragraph);
  });
});

describe('a Chinese wire story credited in Chinese', () => {
  test('a portal reprinting a Xinhua story with "来源：新华社" is a credited copy (Xinhua\'s own dateline is 新华社…电)', async () => {
    const xinhua = text('xinhua');
    const portal = `${xinhua.split('\n\n').slice(1).join('\n\n').trim()}\n\n来源：新华社\n`;
    const articles = [
      { id: 'xinhua', text: xinhua },
      { id: 'portal', text: portal },
    ].map((a) => ({ ...a, path: null, meta: { outlet: null, outletName: null, outletGroup: null, url: null, published: null, title: null, sources: { outlet: 'unknown', url: 'unknown', published: 'unknown', title: 'unknown' } } }) as const);
    const report = await scanArticles(articles, resolveOptions({}));
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]!.credited).toBe(true);
    expect(report.pairs[0]!.credit?.names).toContain('xinhua');
  });
});
