/**
 * Pairs of one outlet: a scan reports them only as duplicate records (the
 * same article twice, which whoever cleans a dump needs to know of), not an
 * outlet reusing a part of its own text, unless `includeSameOutlet` asks for
 * every one. Marked `sameOutlet` in the JSON, named in the text report and
 * the CSV.
 *
 * Fixture, written here: the Sputnik seed's story on sputniknews.com, the
 * same story again there an hour later with one word changed (a re-filed
 * copy), a Sputnik article that reuses its first third among text of its
 * own, five other Sputnik articles, and the story on taghribnews.com.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputs } from '../../src/ingest';
import { renderCsvPairs, renderText } from '../../src/report';
import { DUPLICATE_SHARE, isDuplicate } from '../../src/attribute';
import { resolveOptions, scanArticles, type Article, type Pair, type Report } from '../../src';
import { tempDir } from '../helpers/temp-dir';

const STORY = readFileSync(resolve(__dirname, '../../samples/004_c4d09dfc72624344.txt'), 'utf8');

/** Sentences of made-up words, the same for the same seed, sharing no run of words with the story. */
function ownText(sentences: number, seed: number): string {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const syllables = ['ka', 'lo', 'mer', 'ti', 'vas', 'ne', 'dor', 'pi', 'sul', 'ra', 'gen', 'bo'];
  const word = (): string => Array.from({ length: 2 + next(2) }, () => syllables[next(syllables.length)]).join('');
  return Array.from({ length: sentences }, () => {
    const words = Array.from({ length: 12 + next(8) }, word);
    return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
  }).join(' ');
}

function pairOf(report: Report, a: string, b: string): Pair | undefined {
  return report.pairs.find((p) => [p.source, p.target].sort().join(' ') === [a, b].sort().join(' '));
}

describe('pairs of one outlet', () => {
  let articles: Article[];
  let report: Report;
  beforeAll(async () => {
    const dir = tempDir('reprint-same-outlet-');
    const record = (id: string, url: string, hour: number, text: string): string =>
      JSON.stringify({ id, url, published: `2022-02-12T${hour}:00:00+00:00`, text });
    const third = STORY.slice(0, Math.floor(STORY.length / 3));
    writeFileSync(
      join(dir, 'dump.jsonl'),
      [
        record('first', 'https://sputniknews.com/a', 12, STORY),
        record('refiled', 'https://sputniknews.com/a-updated', 13, STORY.replace('Saturday', 'Sunday')),
        record('own-reuse', 'https://sputniknews.com/b', 14, `${ownText(20, 7)}\n\n${third}\n\n${ownText(20, 11)}`),
        record('taghrib', 'https://taghribnews.com/c', 15, STORY),
        // More of Sputnik's own: the story in 3 of its 3 articles would be the outlet's furniture (boilerplate).
        ...[1, 2, 3, 4, 5].map((n) => record(`other-${n}`, `https://sputniknews.com/o${n}`, 16, ownText(25, 100 + n))),
      ].join('\n') + '\n',
    );
    ({ articles } = await readInputs([dir]));
    report = await scanArticles(articles, resolveOptions({}));
  });

  test('the same article twice in one outlet is reported, marked sameOutlet, a duplicate', () => {
    const pair = pairOf(report, 'first', 'refiled');
    expect(pair).toMatchObject({ source: 'first', target: 'refiled', relation: 'syndication', sameOutlet: true });
    expect(Math.min(pair!.coverage.source, pair!.coverage.target)).toBeGreaterThanOrEqual(DUPLICATE_SHARE);
    expect(isDuplicate(pair!)).toBe(true);
  });

  test('an outlet reusing a third of its own article is not reported; pairs of two outlets are, unmarked', () => {
    expect(pairOf(report, 'first', 'own-reuse')).toBeUndefined();
    expect(pairOf(report, 'refiled', 'own-reuse')).toBeUndefined();
    expect(pairOf(report, 'first', 'taghrib')?.sameOutlet).toBe(false);
    expect(pairOf(report, 'own-reuse', 'taghrib')?.sameOutlet).toBe(false);
    expect(report.pairs.filter((p) => p.sameOutlet)).toHaveLength(1);
  });

  test('includeSameOutlet reports the own reuse too, marked, and not a duplicate', async () => {
    const all = await scanArticles(articles, resolveOptions({ includeSameOutlet: true }));
    const reuse = pairOf(all, 'first', 'own-reuse');
    expect(reuse?.sameOutlet).toBe(true);
    expect(isDuplicate(reuse!)).toBe(false);
    expect(all.pairs.length).toBe(report.pairs.length + 2);
  });

  test('the text report names the duplicate on its pair only; the CSV gives same_outlet and duplicate_record', () => {
    const text = renderText(report);
    const notes = text.split('\n').filter((l) => l.includes('same outlet'));
    expect(notes).toEqual(['   outlet: same outlet, sputniknews.com: a duplicate record']);
    const [header, ...rows] = renderCsvPairs(report).trim().split('\r\n');
    const column = header!.split(',').indexOf('same_outlet');
    expect(header!.split(',').slice(column)).toEqual(['same_outlet', 'duplicate_record']);
    const byPair = rows.map((r) => r.split(',')).map((cells) => [[cells[1], cells[2]].sort().join(' '), cells[column]]);
    expect(Object.fromEntries(byPair)['first refiled']).toBe('true');
    expect(byPair.filter(([, v]) => v === 'true')).toHaveLength(1);
    // duplicate_record: the same article twice, whatever the outlets (here the Taghrib copy too)
    expect(rows.map((r) => r.split(',')[column + 1])).toEqual(report.pairs.map((p) => String(isDuplicate(p))));
    expect(rows.filter((r) => r.endsWith(',true'))).toHaveLength(3);
  });
});
