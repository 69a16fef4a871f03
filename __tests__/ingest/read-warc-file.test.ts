import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readInputs } from '../../src/ingest/read-inputs';
import { resolveOptions } from '../../src/options';
import { scanArticles } from '../../src/pipeline';
import {
  FOOTER_TEXT,
  NAV_TEXT,
  SAMPLES_DIR,
  SPUTNIK_URL,
  TAGHRIB_URL,
  WARC_IDS,
  articlePage,
  httpResponse,
  sampleText,
  samplesWarcMembers,
  warcRecord,
} from './streaming-fixtures';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'reprint-warc-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readWarcFile (through readInputs)', () => {
  test('HTML responses become articles: id = record id, url = WARC-Target-URI, nav and footer dropped', async () => {
    const file = join(root, 'crawl.warc.gz');
    writeFileSync(file, Buffer.concat(samplesWarcMembers()));
    const { articles, warnings } = await readInputs([file]);
    expect(warnings).toEqual([]);
    // warcinfo (1), request (2), image (4) and redirect (6) are passed over; numbering counts them.
    expect(articles.map((a) => [a.id, a.path, a.meta.url, a.meta.outlet])).toEqual([
      [WARC_IDS.other, `${file}#7`, 'https://example.org/news/lavrov-blinken', 'example.org'],
      [WARC_IDS.taghrib, `${file}#5`, TAGHRIB_URL, 'taghribnews.com'],
      [WARC_IDS.sputnik, `${file}#3`, SPUTNIK_URL, 'sputniknews.com'],
    ]);
    for (const article of articles) {
      expect(article.text).not.toContain('Subscribe to our newsletter');
      expect(article.text).not.toContain(FOOTER_TEXT);
      expect(article.text).not.toContain(NAV_TEXT.slice(0, 20));
      expect(article.text).toContain('Lavrov');
    }
    const sputnik = articles.find((a) => a.id === WARC_IDS.sputnik);
    expect(sputnik?.meta.published?.text).toBe('2022-02-12T12:29:00+00:00'); // the page's meta tag, not WARC-Date (2022-02-14)
    expect(sputnik?.meta.sources.published).toBe('text');
    expect(sputnik?.meta.title).toBe('Page 004_c4d09dfc72624344');
  });

  test('the samples as a WARC.gz: Sputnik → Taghrib is found as syndication, directed by the pages\' own dates', async () => {
    const file = join(root, 'crawl.warc.gz');
    writeFileSync(file, Buffer.concat(samplesWarcMembers()));
    const { articles, warnings } = await readInputs([file], { outlets: join(SAMPLES_DIR, 'outlets.json') });
    const report = await scanArticles(articles, resolveOptions({}), warnings);
    const pair = report.pairs.find((p) => [p.source, p.target].includes(WARC_IDS.sputnik) && [p.source, p.target].includes(WARC_IDS.taghrib));
    expect(pair).toMatchObject({ source: WARC_IDS.sputnik, target: WARC_IDS.taghrib, relation: 'syndication', directed: true });
    expect(report.pairs.filter((p) => p.relation === 'syndication')).toHaveLength(1);
  });

  test('an uncompressed .warc reads the same', async () => {
    const gz = join(root, 'a.warc.gz');
    const plain = join(root, 'a.warc');
    const members = samplesWarcMembers();
    writeFileSync(gz, Buffer.concat(members));
    writeFileSync(plain, Buffer.concat(members.map((m) => gunzipSync(m))));
    const fromGz = await readInputs([gz]);
    const fromPlain = await readInputs([plain]);
    expect(fromPlain.warnings).toEqual([]);
    expect(fromPlain.articles.map((a) => [a.id, a.text, a.meta])).toEqual(fromGz.articles.map((a) => [a.id, a.text, a.meta]));
  });

  test('no date in the page: WARC-Date (the capture time) is the published time', async () => {
    const html = '<html><body><article><p>' + 'A story with no date anywhere in its text, told at some length. '.repeat(12) + '</p></article></body></html>';
    const file = join(root, 'one.warc');
    writeFileSync(
      file,
      warcRecord({
        type: 'response',
        id: 'aaaa',
        date: '2022-03-01T10:20:30Z',
        uri: 'https://example.com/story',
        contentType: 'application/http; msgtype=response',
        block: httpResponse('200 OK', 'text/html', Buffer.from(html)),
      }),
    );
    const { articles } = await readInputs([file]);
    expect(articles.map((a) => [a.id, a.meta.published?.text, a.meta.published?.kind])).toEqual([['aaaa', '2022-03-01T10:20:30+00:00', 'instant']]);
  });

  test('a WARC.gz cut inside a record: one warning naming the file and record; the records before it are kept whole', async () => {
    const members = samplesWarcMembers();
    const whole = join(root, 'whole.warc.gz');
    writeFileSync(whole, Buffer.concat(members));
    const cut = join(root, 'cut.warc.gz');
    const taghrib = members[4] as Buffer; // record 5
    writeFileSync(cut, Buffer.concat([...members.slice(0, 4), taghrib.subarray(0, Math.floor(taghrib.length / 2))]));

    const expected = await readInputs([whole]);
    const { articles, warnings } = await readInputs([cut]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_TRUNCATED', `${cut}#5`]]);
    expect(warnings[0]?.message).toMatch(/^gzip data ends early .*record 5 .*the 4 records before it read$/);
    const sputnik = expected.articles.find((a) => a.id === WARC_IDS.sputnik);
    expect(articles.map((a) => [a.id, a.text])).toEqual([[WARC_IDS.sputnik, sputnik?.text]]);
  });

  test('an uncompressed WARC cut inside a record body: W_TRUNCATED naming the record', async () => {
    const records = samplesWarcMembers().map((m) => gunzipSync(m));
    const file = join(root, 'cut.warc');
    const sputnik = records[2] as Buffer;
    writeFileSync(file, Buffer.concat([records[0] as Buffer, records[1] as Buffer, sputnik.subarray(0, sputnik.length - 500)]));
    const { articles, warnings } = await readInputs([file]);
    expect(articles).toEqual([]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_TRUNCATED', `${file}#3`]]);
  });

  test('a file that is not a WARC: one W_CORRUPT_INPUT warning, no stack trace', async () => {
    const file = join(root, 'notes.warc');
    writeFileSync(file, 'these are notes\nnot an archive\n');
    const { articles, warnings } = await readInputs([file]);
    expect(articles).toEqual([]);
    expect(warnings).toEqual([{ code: 'W_CORRUPT_INPUT', where: `${file}#1`, message: expect.stringMatching(/^not a WARC record/) }]);
  });

  test('in a folder, .warc.gz files are discovered; a page with a charset in its meta tag is decoded with it', async () => {
    const html = Buffer.from(`<html><head><meta charset="windows-1251"></head><body><article><p>${'Привет, мир. '.repeat(40)}</p></article></body></html>`, 'utf8');
    // Re-encode the Cyrillic as windows-1251: А..я are 0xC0..0xFF there.
    const cp1251 = Buffer.from(
      [...html.toString('utf8')].map((ch) => {
        const code = ch.codePointAt(0) as number;
        return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
      }),
    );
    writeFileSync(
      join(root, 'ru.warc.gz'),
      gzipSync(
        warcRecord({ type: 'response', id: 'ru-1', date: '2022-02-12T00:00:00Z', uri: 'https://ria.ru/x', contentType: 'application/http; msgtype=response', block: httpResponse('200 OK', 'text/html', cp1251) }),
      ),
    );
    writeFileSync(join(root, 'page.html.gz'), 'not read');
    const { articles, warnings } = await readInputs([root]);
    expect(articles.map((a) => a.id)).toEqual(['ru-1']);
    expect(articles[0]?.text.startsWith('Привет, мир.')).toBe(true);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_UNSUPPORTED_FILE', `${root}/page.html.gz`]]);
  });

  test('articlePage fixture really carries the furniture that must be dropped', () => {
    const page = articlePage('T', 'one\n\ntwo', '2022-01-01');
    expect(page).toContain(FOOTER_TEXT);
    expect(page).toContain('<nav');
  });
});

describe('a WARC.gz and the plain JSONL of the same articles', () => {
  test('scan to the same report: pairs, relations, directions and the passages’ text', async () => {
    const warc = join(root, 'crawl.warc.gz');
    writeFileSync(warc, Buffer.concat(samplesWarcMembers()));
    // The same three articles as JSONL: same ids, URLs, dates and titles, the sample files' text.
    const jsonl = join(root, 'same.jsonl');
    const rows = [
      { id: WARC_IDS.sputnik, url: SPUTNIK_URL, published: '2022-02-12T12:29:00+00:00', sample: '004_c4d09dfc72624344' },
      { id: WARC_IDS.taghrib, url: TAGHRIB_URL, published: '2022-02-12T18:40:00+03:30', sample: '001_69955482a43b296f' },
      // No date in its page (the WARC reader knows only that it was published before its capture).
      { id: WARC_IDS.other, url: 'https://example.org/news/lavrov-blinken', published: null, sample: '000_6ebd8b03c1841edc' },
    ];
    writeFileSync(jsonl, rows.map((r) => JSON.stringify({ id: r.id, url: r.url, ...(r.published !== null ? { published: r.published } : {}), title: `Page ${r.sample}`, text: sampleText(r.sample) })).join('\n') + '\n');

    const outlets = join(SAMPLES_DIR, 'outlets.json');
    const summarise = async (file: string): Promise<unknown[]> => {
      const { articles, warnings } = await readInputs([file], { outlets });
      expect(warnings).toEqual([]);
      const report = await scanArticles(articles, resolveOptions({}), warnings);
      const text = new Map(articles.map((a) => [a.id, a.text]));
      const words = (id: string, span: { start: number; end: number }): string =>
        (text.get(id) ?? '').slice(span.start, span.end).replace(/\s+/g, ' ');
      return report.pairs.map((p) => ({
        pair: [p.source, p.target, p.relation, p.directed, p.credited],
        passages: p.passages.map((x) => [x.kind, words(p.source, x.source), words(p.target, x.target)]),
      }));
    };
    const fromJsonl = await summarise(jsonl);
    expect(fromJsonl.length).toBeGreaterThanOrEqual(2);
    expect(await summarise(warc)).toEqual(fromJsonl);
  });
});
