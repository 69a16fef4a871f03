/**
 * Article dumps as tables and JSON arrays: a CSV or TSV export (a header row,
 * a row per article) and a `.json` file holding an array of article objects
 * are read as JSONL records are, with the same field mapping, and every
 * problem is a warning naming the file and line. Before, such a file named
 * directly was read as one article of raw CSV or JSON text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/errors';
import { readInputs } from '../../src/ingest/read-inputs';
import { jsonArrayRecords } from '../../src/ingest/read-json-array-records';
import { tableRows } from '../../src/ingest/read-table-records';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'reprint-tables-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(name: string, content: string | Buffer): string {
  const file = join(root, name);
  writeFileSync(file, content);
  return file;
}

async function rowsOf(lines: string[], delimiter = ','): Promise<unknown[]> {
  async function* source(): AsyncGenerator<string> {
    yield* lines;
  }
  const out: unknown[] = [];
  for await (const row of tableRows(source(), delimiter)) out.push(row);
  return out;
}

describe('tableRows (RFC 4180 cells over lines)', () => {
  test('quoted cells hold the delimiter, doubled quotes and line breaks; a quote inside an unquoted cell is kept', async () => {
    expect(await rowsOf(['id,text', 'a,"one, two ""three""', 'four"', '', 'b,say "hi" now,'])).toEqual([
      { line: 1, cells: ['id', 'text'] },
      { line: 2, cells: ['a', 'one, two "three"\nfour'] },
      { line: 5, cells: ['b', 'say "hi" now', ''] },
    ]);
  });

  test('a quote never closed is one problem row at the line it opened', async () => {
    expect(await rowsOf(['id,text', 'a,"never closed', 'b,x'])).toEqual([
      { line: 1, cells: ['id', 'text'] },
      { line: 2, problem: expect.stringContaining('never closed') },
    ]);
  });

  test('a row that grows past the limit (a quote left open in a large file) is one problem row, and reading goes on', async () => {
    async function* source(): AsyncGenerator<string> {
      yield 'id,text';
      yield 'a,"opened';
      for (let i = 0; i < 100; i++) yield 'more text inside the open quote';
    }
    const rows: unknown[] = [];
    for await (const row of tableRows(source(), ',', 1000)) rows.push(row);
    expect(rows[0]).toEqual({ line: 1, cells: ['id', 'text'] });
    expect(rows[1]).toEqual({ line: 2, problem: expect.stringMatching(/^a row of more than 1000 characters .*; skipped to line \d+$/) });
    // What follows is read as rows again (here, one-cell rows), not held.
    expect(rows.length).toBeGreaterThan(2);
  });

  test('a cell whose closing quote does not end it keeps its quotes: the text begins with a quotation', async () => {
    expect(await rowsOf(['id\ttext', 'a\t"We go," he said. "Now."', 'b\t"quoted, fully"'], '\t')).toEqual([
      { line: 1, cells: ['id', 'text'] },
      { line: 2, cells: ['a', '"We go," he said. "Now."'] },
      { line: 3, cells: ['b', 'quoted, fully'] },
    ]);
    expect(await rowsOf(['x', '"a ""b"" c"d'])).toEqual([
      { line: 1, cells: ['x'] },
      { line: 2, cells: ['"a ""b"" c"d'] },
    ]);
  });

  test('tabs for TSV', async () => {
    expect(await rowsOf(['id\ttext', 'a\tone, two'], '\t')).toEqual([
      { line: 1, cells: ['id', 'text'] },
      { line: 2, cells: ['a', 'one, two'] },
    ]);
  });
});

const LAVROV = 'Lavrov told Blinken on Saturday that the campaign about alleged Russian aggression pursues provocative goals.';

describe('readInputs: CSV and TSV exports', () => {
  test('a row per article, fields mapped as in JSONL; a multi-line cell is one text; problems name their line', async () => {
    const csv = put(
      'export.csv',
      '\ufeffid,title,published,body\r\n' +
        `a1,First,2022-02-12T12:29:00Z,"${LAVROV}\r\n\r\nSecond paragraph, with a comma."\r\n` +
        'a2,No text,2022-02-12,\r\n' +
        'a3,Too many,2022-02-12,text,extra\r\n' +
        `a4,Short row\r\n` +
        `a5,,1644668940,${LAVROV}\r\n`,
    );
    const { articles, warnings } = await readInputs([csv], { fields: { text: 'body' } });
    expect(articles.map((a) => [a.id, a.text, a.meta.title, a.meta.published?.text ?? null])).toEqual([
      ['a1', `${LAVROV}\n\nSecond paragraph, with a comma.`, 'First', '2022-02-12T12:29:00+00:00'],
      ['a5', LAVROV, null, '2022-02-12T12:29:00+00:00'], // a Unix time, as in JSONL
    ]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['W_NO_TEXT', `${csv}:5`],
      ['W_MALFORMED_RECORD', `${csv}:6`],
      ['W_NO_TEXT', `${csv}:7`],
    ]);
    expect(warnings[1]!.message).toBe('5 cells, the header names 4; row skipped');
  });

  test('a TSV, and a gzipped CSV, read like the plain CSV', async () => {
    const rows = [['id', 'text'], ['t1', LAVROV], ['t2', `Other words. ${LAVROV}`]];
    const csvText = rows.map((r) => r.join(',')).join('\n');
    const plain = await readInputs([put('a.csv', csvText)]);
    const gz = await readInputs([put('b.csv.gz', gzipSync(csvText))]);
    const tsv = await readInputs([put('c.tsv', rows.map((r) => r.join('\t')).join('\n'))]);
    const texts = (r: typeof plain) => r.articles.map((a) => [a.id, a.text]);
    expect(texts(plain)).toEqual([['t1', LAVROV], ['t2', `Other words. ${LAVROV}`]]);
    expect(texts(gz)).toEqual(texts(plain));
    expect(texts(tsv)).toEqual(texts(plain));
  });

  test('--strict stops at a malformed row, naming its line', async () => {
    const csv = put('bad.csv', `id,text\na,"open\n`);
    await expect(readInputs([csv], { strict: true })).rejects.toThrow(new InputError(`${csv}:2`, 'a quoted cell is never closed (the rest of the file is inside it)'));
  });

  test('a header and no rows is an empty file', async () => {
    const { articles, warnings } = await readInputs([put('empty.csv', 'id,text\n')]);
    expect(articles).toEqual([]);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([['W_EMPTY_FILE', 'empty file (a header row and no records)']]);
  });
});

describe('readInputs: a .json file of articles', () => {
  test('an array of objects: a record each, warnings at the line the element starts on', async () => {
    const json = put('dump.json', JSON.stringify([{ id: 'j1', text: LAVROV }, 42, { id: 'j3', title: 'no text' }, { text: `Copy: ${LAVROV}` }], null, 2));
    const { articles, warnings } = await readInputs([json]);
    expect(articles.map((a) => [a.id, a.text])).toEqual([
      ['dump.json#4', `Copy: ${LAVROV}`],
      ['j1', LAVROV],
    ]);
    // Pretty-printed: elements start on lines 2, 6, 7 and 11.
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['W_MALFORMED_JSON', `${json}:6`],
      ['W_NO_TEXT', `${json}:7`],
      ['W_NO_ID', `${json}:11`],
    ]);
  });

  test('on one line (as most tools write JSON): ids by element number', async () => {
    const json = put('flat.json', JSON.stringify([{ text: LAVROV }, { text: `Copy: ${LAVROV}` }]));
    const { articles } = await readInputs([json]);
    expect(articles.map((a) => a.id)).toEqual(['flat.json#1', 'flat.json#2']);
  });

  test('one object is one article named after the file; JSON that is not valid is one warning with its line', async () => {
    expect((await readInputs([put('one.json', JSON.stringify({ title: 'T', text: LAVROV }))])).articles.map((a) => [a.id, a.meta.title])).toEqual([['one', 'T']]);
    const broken = put('broken.json', '[\n  {"text": "a"},\n  {"text": }\n]');
    const { articles, warnings } = await readInputs([broken]);
    expect(articles).toEqual([]);
    expect(warnings).toEqual([{ code: 'W_MALFORMED_JSON', where: `${broken}:3`, message: expect.stringMatching(/^not valid JSON \(.*\); file skipped$/) }]);
  });

  test('a file longer than the limit is skipped with one warning before it is held whole', async () => {
    async function* lines(): AsyncGenerator<string> {
      for (let i = 0; i < 1000; i++) yield `{"text": "line ${i}"},`;
    }
    const events = [];
    for await (const e of jsonArrayRecords(5000)(lines(), 'big.json', { fields: { id: ['id'], text: ['text'], outlet: [], url: [], published: [], title: [] }, strict: false })) events.push(e);
    expect(events).toEqual([{ kind: 'warning', warning: { code: 'W_FILE_TOO_LARGE', where: 'big.json', message: expect.stringContaining('convert it to JSONL') } }]);
  });

  test('in a folder, a .json file is not read as articles (it is often metadata beside a page), and says so', async () => {
    put('page.txt', LAVROV);
    put('page.json', JSON.stringify({ text: LAVROV }));
    const { articles, warnings } = await readInputs([root]);
    expect(articles.map((a) => a.id)).toEqual(['page']);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_UNSUPPORTED_FILE', join(root, 'page.json')]]);
  });
});
