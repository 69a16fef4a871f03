import { InputError } from '../../src/errors';
import { resolveIngestOptions } from '../../src/ingest/ingest-options';
import { readJsonlRecords, type JsonlEvent } from '../../src/ingest/read-jsonl-records';

async function* linesOf(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

async function collect(lines: readonly string[], options = resolveIngestOptions()): Promise<JsonlEvent[]> {
  const events: JsonlEvent[] = [];
  for await (const event of readJsonlRecords(linesOf(lines), 'data/feed.jsonl', options)) events.push(event);
  return events;
}

const records = (events: JsonlEvent[]) => events.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
const warnings = (events: JsonlEvent[]) => events.flatMap((e) => (e.kind === 'warning' ? [e.warning] : []));

describe('readJsonlRecords', () => {
  test('default fields: id, text|body|content, outlet|source|…, url|link, published|date|…, title|headline', async () => {
    const events = await collect([
      JSON.stringify({ id: 'a', text: 'Alpha', outlet: 'Reuters', url: 'https://r.com/a', published: '2022-02-12', title: 'T' }),
      JSON.stringify({ id: 'b', body: 'Beta', source: 'https://www.rt.com/', link: 'https://rt.com/b', date: '12 Feb 2022', headline: 'H' }),
      JSON.stringify({ id: 'c', text: '', content: 'Gamma', site: 'dw.com', published_at: '2022-02-12T10:00Z' }),
    ]);
    expect(warnings(events)).toEqual([]);
    expect(records(events).map((r) => [r.claim.ladder[0], r.text, r.fields])).toEqual([
      ['a', 'Alpha', { outlet: 'Reuters', url: 'https://r.com/a', published: '2022-02-12', title: 'T' }],
      ['b', 'Beta', { outlet: 'https://www.rt.com/', url: 'https://rt.com/b', published: '12 Feb 2022', title: 'H' }],
      // empty "text" falls through to "content"
      ['c', 'Gamma', { outlet: 'dw.com', url: null, published: '2022-02-12T10:00Z', title: null }],
    ]);
  });

  test('a news-please / CC-NEWS export reads with the defaults: maintext, date_publish, source_domain', async () => {
    const events = await collect([JSON.stringify({ id: 'np', maintext: 'Delta', date_publish: '2022-02-12 18:40:00', source_domain: 'taghribnews.com', title: 'T', url: 'https://taghribnews.com/x' })]);
    expect(warnings(events)).toEqual([]);
    expect(records(events)[0]).toMatchObject({ text: 'Delta', fields: { outlet: 'taghribnews.com', published: '2022-02-12 18:40:00' } });
  });

  test('options.fields overrides the defaults for that field only', async () => {
    const options = resolveIngestOptions({ fields: { id: 'doc_id', text: 'article_body' } });
    const events = await collect([JSON.stringify({ doc_id: 'x1', id: 'ignored', text: 'ignored', article_body: 'Body', title: 'T' })], options);
    expect(records(events)).toMatchObject([{ claim: { ladder: ['x1', 'feed.jsonl:1', 'data/feed.jsonl:1'] }, text: 'Body', fields: { title: 'T' } }]);
  });

  test('a field name with dots is a path into nested objects, unless the record has that key itself', async () => {
    const options = resolveIngestOptions({ fields: { id: 'doc.id', text: 'doc.body', published: 'doc.meta.date', outlet: 'site.name' } });
    const events = await collect(
      [
        JSON.stringify({ doc: { id: 'n1', body: 'Nested', meta: { date: 1644668940 } }, 'site.name': 'dw.com', site: { name: 'ignored' } }),
        JSON.stringify({ doc: { id: 'n2', body: 'Also', meta: 'not an object' }, site: { name: 'rt.com' } }),
        JSON.stringify({ doc: 'not an object' }),
      ],
      options,
    );
    expect(records(events).map((r) => [r.claim.ladder[0], r.text, r.fields.published, r.fields.outlet])).toEqual([
      ['n1', 'Nested', '1644668940', 'dw.com'],
      ['n2', 'Also', null, 'rt.com'],
    ]);
    expect(warnings(events)).toEqual([{ code: 'W_NO_TEXT', where: 'data/feed.jsonl:3', message: 'no text field (looked for doc.body); skipped' }]);
  });

  test('numeric ids are converted with String()', async () => {
    const events = await collect(['{"id": 42, "text": "x"}', '{"id": 1.5e3, "text": "y"}']);
    expect(records(events).map((r) => r.claim.ladder[0])).toEqual(['42', '1500']);
  });

  test('text is kept exactly', async () => {
    const events = await collect([JSON.stringify({ id: 1, text: '  Line one\r\nLine two  ' })]);
    expect(records(events)[0]?.text).toBe('  Line one\r\nLine two  ');
  });

  test('malformed line: warning with file:line, rest continues; blank lines count', async () => {
    const events = await collect(['{"id": 1, "text": "a"}', '', '{"id": 2, "text": ', '[1, 2]', '{"id": 3, "text": "c"}']);
    expect(records(events).map((r) => [r.claim.ladder[0], r.line, r.claim.where])).toEqual([
      ['1', 1, 'data/feed.jsonl:1'],
      ['3', 5, 'data/feed.jsonl:5'],
    ]);
    expect(warnings(events)).toEqual([
      { code: 'W_MALFORMED_JSON', where: 'data/feed.jsonl:3', message: expect.stringMatching(/^malformed JSON \(.+\)$/) },
      { code: 'W_MALFORMED_JSON', where: 'data/feed.jsonl:4', message: 'malformed JSON (expected an object, got an array)' },
    ]);
    for (const w of warnings(events)) expect(w.message).not.toMatch(/\n/);
  });

  test('strict: a malformed line throws InputError naming file:line', async () => {
    const options = resolveIngestOptions({ strict: true });
    const run = collect(['{"id": 1, "text": "a"}', 'not json'], options);
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(collect(['{"id": 1, "text": "a"}', 'not json'], options)).rejects.toMatchObject({
      where: 'data/feed.jsonl:2',
      message: expect.stringMatching(/^data\/feed\.jsonl:2: malformed JSON \(/),
    });
  });

  test('no text: warning, record skipped', async () => {
    const events = await collect(['{"id": 1, "title": "only a title"}', '{"id": 2, "text": "   "}']);
    expect(records(events)).toEqual([]);
    expect(warnings(events).map((w) => [w.code, w.where])).toEqual([
      ['W_NO_TEXT', 'data/feed.jsonl:1'],
      ['W_NO_TEXT', 'data/feed.jsonl:2'],
    ]);
    expect(warnings(events)[0]?.message).toBe('no text field (looked for text, body, content, maintext); skipped');
    expect(warnings(events)[1]?.message).toBe('no text: field "text" is empty; skipped');
  });

  test('a text field that holds no string says what it holds; a later field with text is still read', async () => {
    const events = await collect(['{"id": 1, "text": 123}', '{"id": 2, "body": null}', '{"id": 3, "content": ["a"]}', '{"id": 4, "text": {"p": "x"}, "body": "the body"}']);
    expect(warnings(events).map((w) => [w.where, w.message])).toEqual([
      ['data/feed.jsonl:1', 'no text: field "text" is a number, not a string; skipped'],
      ['data/feed.jsonl:2', 'no text: field "body" is null; skipped'],
      ['data/feed.jsonl:3', 'no text: field "content" is an array, not a string; skipped'],
    ]);
    expect(records(events).map((r) => r.text)).toEqual(['the body']);
  });

  test('no id: "<file name>:<line>" with a warning', async () => {
    const events = await collect(['', '{"text": "x"}']);
    expect(records(events)[0]?.claim.ladder).toEqual(['feed.jsonl:2', 'data/feed.jsonl:2']);
    expect(warnings(events)).toEqual([
      { code: 'W_NO_ID', where: 'data/feed.jsonl:2', message: 'no id field (looked for id); using "feed.jsonl:2"' },
    ]);
  });

  test('a metadata field that is not a string is ignored with a warning', async () => {
    const events = await collect(['{"id": "a", "text": "x", "title": 7, "headline": "H", "published": true, "date": "2022-02-12"}']);
    expect(records(events)[0]?.fields).toMatchObject({ title: 'H', published: '2022-02-12' });
    expect(warnings(events)).toEqual([
      { code: 'W_BAD_FIELD', where: 'data/feed.jsonl:1', message: 'field "published" is not a string or number; ignored' },
      { code: 'W_BAD_FIELD', where: 'data/feed.jsonl:1', message: 'field "title" is not a string; ignored' },
    ]);
  });

  test('a published time given as a number (a Unix time) is kept as its digits, no warning', async () => {
    const events = await collect(['{"id": "a", "text": "x", "published": 1644668940}', '{"id": "b", "text": "x", "published": 1644668940123}']);
    expect(records(events).map((r) => r.fields.published)).toEqual(['1644668940', '1644668940123']);
    expect(warnings(events)).toEqual([]);
  });

  test('no records at all: empty file', async () => {
    expect(warnings(await collect(['', '  ']))).toEqual([{ code: 'W_EMPTY_FILE', where: 'data/feed.jsonl', message: 'empty file (no records)' }]);
  });
});
