/**
 * A story many outlets carry is reported however many carry it. Its k-grams
 * are in more than 5% and 20 of the articles, the collection-wide boilerplate
 * rule; before runs as long as a passage were exempt from it, a wire story on
 * 21 or more of a folder's articles was masked as a stock phrase and no pair
 * of its copies was reported. A footer line the same articles share is still
 * boilerplate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveOptions, scanArticles, type Report } from '../../src';
import { article } from '../helpers/article';

const SPUTNIK = readFileSync(join(__dirname, '..', '..', 'samples', '004_c4d09dfc72624344.txt'), 'utf8');
/** About 30 words: shorter than a passage window (40 words). */
const FOOTER =
  'Subscribe to our newsletter for the latest headlines delivered every morning to your inbox. ' +
  'Copyright all rights reserved by the publisher, reproduction without written permission is prohibited.';

/** A distinct short article of its own words (numbers make its word 3-grams its own). */
function unrelated(n: number): string {
  return Array.from({ length: 6 }, (_, i) => `Reporter ${n * 100 + i} wrote about river ${n + i} and bridge ${n * 7 + i} near town ${n * 13 + i} yesterday.`).join(' ');
}

/** `copies` outlets carry the story under a line of their own; 10 more publish their own articles; all print the footer. */
function collection(copies: number): ReturnType<typeof article>[] {
  const carriers = Array.from({ length: copies }, (_, i) => article(`copy-${String(i).padStart(2, '0')}`, `Outlet ${i} carries this report.\n\n${SPUTNIK}\n\n${FOOTER}`, `carrier${i}.example`));
  const others = Array.from({ length: 10 }, (_, i) => article(`own-${i}`, `${unrelated(i + 1)}\n\n${FOOTER}`, `own${i}.example`));
  return [...carriers, ...others];
}

const isCopy = (id: string): boolean => id.startsWith('copy-');

function copyPairs(report: Report): number {
  return report.pairs.filter((p) => isCopy(p.source) && isCopy(p.target)).length;
}

/**
 * Each pair of two copies, with the story's span in its source: from after the
 * outlet's own line to its last word, before the page furniture the Sputnik
 * page ends with.
 */
function copyPairStories(report: Report, articles: readonly { id: string; text: string }[]): { pair: Report['pairs'][number]; from: number; to: number }[] {
  const textOf = new Map(articles.map((a) => [a.id, a.text]));
  return report.pairs
    .filter((p) => isCopy(p.source) && isCopy(p.target))
    .map((pair) => {
      const text = textOf.get(pair.source)!;
      return { pair, from: text.indexOf('\n\n') + 2, to: text.indexOf('\n\nSputnik International feedback') };
    });
}

describe('a story many outlets carry', () => {
  test.each([12, 24])('is reported between every two of %i copies, with the footer in no passage', async (copies) => {
    const articles = collection(copies);
    const report = await scanArticles(articles, resolveOptions());
    // 24 of 34 articles: the story's k-grams are in far more than 5% and 20 of them.
    expect(copyPairs(report)).toBe((copies * (copies - 1)) / 2);
    const textOf = new Map(articles.map((a) => [a.id, a.text]));
    for (const pair of report.pairs) {
      for (const p of pair.passages) {
        expect(textOf.get(pair.source)!.slice(p.source.start, p.source.end)).not.toContain('Subscribe to our newsletter');
        expect(textOf.get(pair.target)!.slice(p.target.start, p.target.end)).not.toContain('Subscribe to our newsletter');
      }
    }
    // The articles sharing only the footer are no pair: it stays boilerplate.
    expect(report.pairs.filter((p) => !isCopy(p.source) || !isCopy(p.target))).toEqual([]);
    expect(report.clusters[0]?.size).toBe(copies);
  });

  test('with a stock phrase after every sentence of the story, the whole story is one passage', async () => {
    // The phrase is in all 34 articles, the story in 24: at every sentence the k-grams' article counts jump.
    const STOCK = 'Officials familiar with the matter said so on condition of anonymity.';
    const articles = collection(24).map((a) => ({ ...a, text: isCopy(a.id) ? a.text.replace(/\. (?=[A-Z])/g, `. ${STOCK} `) : `${a.text}\n\n${STOCK}` }));
    const report = await scanArticles(articles, resolveOptions());
    expect(copyPairs(report)).toBe((24 * 23) / 2);
    for (const { pair, from, to } of copyPairStories(report, articles)) {
      expect(pair.passages.some((p) => p.source.start <= from && p.source.end >= to - 1)).toBe(true);
    }
  });

  test('carried by one article fewer than the bar, with an edited copy reaching it between the edits, the story is one passage', async () => {
    // 19 carriers and a copy with a word changed every 25: the copy's unedited stretches are in 20 articles (the bar: 20),
    // blocked, and the words around its edits in 19, near the bar. The blocked stretches alone are shorter than a passage.
    const edited = SPUTNIK.split(' ')
      .map((w, i) => (i % 25 === 12 ? 'meanwhile' : w))
      .join(' ');
    const articles = [...collection(19), article('edited', `Another outlet carries it.\n\n${edited}`, 'edited.example')];
    const report = await scanArticles(articles, resolveOptions());
    expect(copyPairs(report)).toBe((19 * 18) / 2);
    for (const { pair, from, to } of copyPairStories(report, articles)) {
      expect(pair.passages.some((p) => p.source.start <= from && p.source.end >= to - 1)).toBe(true);
    }
  });

  test('when every outlet edits its copy (a word in 20 changed, each its own), every two copies still share the whole story', async () => {
    // An edit takes the 4-grams holding it out of the story's (in 24 articles): each copy's blocked stretches end at its own edits.
    const articles = collection(24).map((a, n) => {
      if (!isCopy(a.id)) return a;
      const words = a.text.split(' ');
      return { ...a, text: words.map((w, i) => (i % 20 === n % 20 && /^[a-z]+$/.test(w) ? 'reportedly' : w)).join(' ') };
    });
    const report = await scanArticles(articles, resolveOptions());
    expect(copyPairs(report)).toBe((24 * 23) / 2);
    for (const { pair, from, to } of copyPairStories(report, articles)) {
      // The passages cover the story but for a few words at its ends.
      const covered = pair.passages.reduce((n, p) => n + Math.max(0, Math.min(p.source.end, to) - Math.max(p.source.start, from)), 0);
      expect(covered / (to - from)).toBeGreaterThan(0.95);
    }
  });

  test('with boilerplate handling off, the footer alone pairs the other articles (the footer test can fail)', async () => {
    const report = await scanArticles(collection(24), resolveOptions({ boilerplate: false }));
    expect(report.pairs.filter((p) => !isCopy(p.source) && !isCopy(p.target)).length).toBeGreaterThan(0);
  });
});
