/**
 * Reading the real `samples/` folder: five saved news pages about the Lavrov–Blinken call
 * of 2022-02-12, and `samples/outlets.json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model';
import { readInputs } from '../../src/ingest/read-inputs';

const SAMPLES = join(__dirname, '../../samples');
let articles: Article[];
let byId: Map<string, Article>;

beforeAll(async () => {
  const result = await readInputs([SAMPLES]);
  expect(result.warnings).toEqual([]);
  articles = result.articles;
  byId = new Map(articles.map((a) => [a.id, a]));
});

const get = (id: string): Article => {
  const article = byId.get(id);
  if (article === undefined) throw new Error(`no article ${id}`);
  return article;
};

test('5 articles, ids = file names without extension, sorted', () => {
  expect(articles.map((a) => a.id)).toEqual([
    '000_6ebd8b03c1841edc',
    '001_69955482a43b296f',
    '002_7d7de9a9c5d4ee85',
    '003_07aa18f49e5e91c1',
    '004_c4d09dfc72624344',
  ]);
});

test('each text equals the file content exactly', () => {
  for (const article of articles) {
    expect(article.text).toBe(readFileSync(join(SAMPLES, `${article.id}.txt`), 'utf8'));
  }
});

test('004: sputniknews.com, explicit instant 2022-02-12T12:29+00:00', () => {
  const { meta } = get('004_c4d09dfc72624344');
  expect(meta.outlet).toBe('sputniknews.com');
  expect(meta.outletName).toBe('Sputnik International');
  expect(meta.published).toEqual({
    kind: 'instant',
    text: '2022-02-12T12:29+00:00',
    interval: { from: Date.parse('2022-02-12T12:29:00Z'), to: Date.parse('2022-02-12T12:30:00Z') },
    zoneSource: 'explicit',
    zone: 'UTC+00:00',
  });
  expect(meta.url).toMatch(/^https:\/\/sputniknews\.com\/20220212\/lavrov-tells-blinken/);
});

test('001: taghribnews.com, 18:40 Asia/Tehran via the outlet → from 15:10Z', () => {
  const { meta } = get('001_69955482a43b296f');
  expect(meta.outlet).toBe('taghribnews.com');
  expect(meta.outletName).toBe('Taghrib News');
  expect(meta.published).toEqual({
    kind: 'instant',
    text: '2022-02-12T18:40+03:30',
    interval: { from: Date.parse('2022-02-12T15:10:00Z'), to: Date.parse('2022-02-12T15:11:00Z') },
    zoneSource: 'outlet',
    zone: 'Asia/Tehran',
  });
  expect(meta.title).toBe("Lavrov Tells Blinken Propaganda About 'Russian Aggression' Against Ukraine Has Provocative Purposes");
});

test('000: date 2022-02-12, outlet unknown', () => {
  const { meta } = get('000_6ebd8b03c1841edc');
  expect(meta.outlet).toBeNull();
  expect(meta.sources.outlet).toBe('unknown');
  expect(meta.published).toEqual({
    kind: 'date',
    text: '2022-02-12',
    // [02-12T00:00Z − 14 h, 02-13T00:00Z + 12 h)
    interval: { from: Date.parse('2022-02-11T10:00:00Z'), to: Date.parse('2022-02-13T12:00:00Z') },
  });
});

test('002: local 2022-02-12T16:59, outlet unknown (no URL in it)', () => {
  const { meta } = get('002_7d7de9a9c5d4ee85');
  expect(meta.outlet).toBeNull();
  expect(meta.url).toBeNull();
  expect(meta.published).toEqual({
    kind: 'local',
    text: '2022-02-12T16:59',
    interval: { from: Date.parse('2022-02-12T02:59:00Z'), to: Date.parse('2022-02-13T05:00:00Z') },
  });
  expect(meta.title).toBe('Russia issues warning to US');
});

test('003: no date with a year near the top → published unknown', () => {
  expect(get('003_07aa18f49e5e91c1').meta.published).toBeNull();
});
