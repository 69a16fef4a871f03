/**
 * The outlets file's owner group: reuse between two outlets of one group
 * (sister outlets) is reported like any other pair, and marked as such in
 * the JSON (`sameGroup`, `outletGroup`), the text report and the CSV. (An
 * index's articles stored before groups were kept: `index-store.test`.)
 *
 * Fixture, written here: the Sputnik seed's story published by Sputnik, by
 * RIA Novosti (the same owner group in the outlets file), and by Taghrib
 * News (no group), in one JSONL dump beside its outlets file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputs } from '../../src/ingest';
import { renderCsvPairs, renderText } from '../../src/report';
import { resolveOptions, scanArticles, type Pair, type Report } from '../../src';
import { article } from '../helpers/article';
import { tempDir } from '../helpers/temp-dir';

const STORY = readFileSync(resolve(__dirname, '../../samples/004_c4d09dfc72624344.txt'), 'utf8');
const GROUP = 'Rossiya Segodnya';

function pairOf(report: Report, a: string, b: string): Pair | undefined {
  return report.pairs.find((p) => [p.source, p.target].sort().join(' ') === [a, b].sort().join(' '));
}

describe('owner groups of the outlets file', () => {
  let report: Report;
  beforeAll(async () => {
    const dir = tempDir('reprint-group-');
    const record = (id: string, url: string, hour: number): string =>
      JSON.stringify({ id, url, published: `2022-02-12T${hour}:00:00+00:00`, text: STORY });
    writeFileSync(
      join(dir, 'dump.jsonl'),
      [record('sputnik', 'https://sputniknews.com/a', 12), record('ria', 'https://ria.ru/b', 13), record('taghrib', 'https://taghribnews.com/c', 14)].join('\n') + '\n',
    );
    writeFileSync(
      join(dir, 'outlets.json'),
      JSON.stringify({
        version: 1,
        outlets: {
          'sputniknews.com': { name: 'Sputnik International', group: GROUP },
          'ria.ru': { name: 'RIA Novosti', group: GROUP },
          'taghribnews.com': { name: 'Taghrib News' },
        },
      }),
    );
    const { articles } = await readInputs([dir]);
    report = await scanArticles(articles, resolveOptions({}));
  });

  test('documents carry their outlet group, null for an outlet without one', () => {
    const groups = Object.fromEntries(report.documents.map((d) => [d.id, d.outletGroup]));
    expect(groups).toEqual({ ria: GROUP, sputnik: GROUP, taghrib: null });
  });

  test('the sister outlets pair is reported and marked; the pairs with an outlet of no group are not marked', () => {
    expect(report.pairs).toHaveLength(3);
    expect(pairOf(report, 'sputnik', 'ria')?.sameGroup).toBe(true);
    expect(pairOf(report, 'sputnik', 'taghrib')?.sameGroup).toBe(false);
    expect(pairOf(report, 'ria', 'taghrib')?.sameGroup).toBe(false);
  });

  test('the text report names the group on the sister pair only; the CSV gives it in sister_group', () => {
    const text = renderText(report, {});
    expect(text.split('\n').filter((line) => line.includes('sister outlets'))).toEqual([`   owner: sister outlets, both of ${GROUP} (outlets file)`]);
    const [header, ...rows] = renderCsvPairs(report).trimEnd().split('\r\n');
    const column = header!.split(',').indexOf('sister_group');
    expect(column).toBeGreaterThan(0);
    const cells = rows.map((row) => row.split(',')[column]);
    expect(cells.sort()).toEqual(['', '', GROUP]);
  });

  test('two articles of one outlet are never sister outlets, even in a group', async () => {
    const a = article('a', STORY, 'sputniknews.com');
    const b = article('b', STORY, 'sputniknews.com');
    const grouped = (x: typeof a) => ({ ...x, meta: { ...x.meta, outletGroup: GROUP } });
    const same = await scanArticles([grouped(a), grouped(b)], resolveOptions({ includeSameOutlet: true }));
    expect(same.pairs).toHaveLength(1);
    expect(same.pairs[0]!.sameGroup).toBe(false);
  });
});
