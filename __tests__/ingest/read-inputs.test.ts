import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors';
import { readInputs } from '../../src/ingest/read-inputs';

let root: string;
/** Write a file under the temp root, making folders. */
function put(rel: string, content: string | Buffer): string {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  return file;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'reprint-ingest-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readInputs: folder walk', () => {
  test('bad files are skipped with a warning naming each; good files are read', async () => {
    put('in/good.txt', 'Good Story Headline Here\r\n\r\nBody text.\r\n');
    put('in/empty.txt', '');
    put('in/blank.md', ' \n\t\n');
    put('in/binary.txt', Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]));
    put('in/latin1.txt', Buffer.concat([Buffer.from('line one\nline two caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    put('in/report.pdf', '%PDF-1.4');
    put('in/.hidden.txt', 'hidden');
    put('in/.git/config.txt', 'hidden folder');
    put('in/node_modules/pkg/readme.txt', 'dependency');
    put('in/sub/page.html', '<html><head><title>Page Title Here</title></head><body><p>Hello &amp; welcome</p></body></html>');
    put('in/sub/outlets.json', '{}'); // only the top-level outlets.json is configuration

    const { articles, warnings } = await readInputs([join(root, 'in')]);
    expect(articles.map((a) => [a.id, a.text])).toEqual([
      ['good', 'Good Story Headline Here\r\n\r\nBody text.\r\n'], // CRLF kept
      ['page', 'Hello & welcome'],
    ]);
    const shown = join(root, 'in');
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['W_UNSUPPORTED_FILE', `${shown}/report.pdf`],
      ['W_UNSUPPORTED_FILE', `${shown}/sub/outlets.json`],
      ['W_BINARY_FILE', `${shown}/binary.txt`],
      ['W_EMPTY_FILE', `${shown}/blank.md`],
      ['W_EMPTY_FILE', `${shown}/empty.txt`],
      ['W_INVALID_UTF8', `${shown}/latin1.txt`],
    ]);
    expect(warnings.find((w) => w.code === 'W_INVALID_UTF8')?.message).toMatch(/^invalid UTF-8 at line 2 /);
    expect(warnings.find((w) => w.where.endsWith('empty.txt'))?.message).toMatch(/^empty file/);
    expect(warnings.find((w) => w.where.endsWith('binary.txt'))?.message).toMatch(/^binary file/);
    for (const w of warnings) expect(w.message).not.toMatch(/\n/);
  });

  test('files in other encodings that say so: a UTF-16 text by its byte order mark, an HTML page by its <meta charset>', async () => {
    put('in/notepad.txt', Buffer.from('\ufeffLavrov spoke with Blinken.\r\n', 'utf16le'));
    // "Лавров" in windows-1251, in the title and the body.
    const lavrov = Buffer.from([0xcb, 0xe0, 0xe2, 0xf0, 0xee, 0xe2]);
    put('in/ru.html', Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"><title>'), lavrov, Buffer.from(' said</title></head><body><p>'), lavrov, Buffer.from(' spoke.</p></body></html>')]));
    const { articles, warnings } = await readInputs([join(root, 'in')]);
    expect(warnings).toEqual([]);
    expect(articles.map((a) => [a.id, a.text, a.meta.title])).toEqual([
      ['notepad', 'Lavrov spoke with Blinken.\r\n', null],
      ['ru', 'Лавров spoke.', 'Лавров said'],
    ]);
  });

  test('same file name in two folders: both ids become relative paths, with warnings', async () => {
    put('in/a/story.txt', 'Story A');
    put('in/b/story.txt', 'Story B');
    put('in/other.txt', 'Other');
    const { articles, warnings } = await readInputs([join(root, 'in')]);
    expect(articles.map((a) => a.id)).toEqual(['a/story', 'b/story', 'other']);
    expect(warnings.map((w) => w.code)).toEqual(['W_DUPLICATE_ID', 'W_DUPLICATE_ID']);
  });

  test('articles sorted by id; a path given twice is read once', async () => {
    put('in/b.txt', 'B');
    put('in/a.txt', 'A');
    put('in/C.txt', 'C');
    const { articles, warnings } = await readInputs([join(root, 'in'), join(root, 'in/a.txt')]);
    expect(articles.map((a) => a.id)).toEqual(['C', 'a', 'b']); // code-unit order: "C" < "a"
    expect(warnings).toEqual([]);
  });

  test('JSONL in a folder: one article per line, path file:line', async () => {
    put('in/feed.jsonl', '{"id": 1, "text": "One", "outlet": "Reuters"}\n{"text": "no id"}\n{broken\n');
    const { articles, warnings } = await readInputs([join(root, 'in')]);
    expect(articles.map((a) => [a.id, a.path, a.text, a.meta.outlet])).toEqual([
      ['1', `${join(root, 'in')}/feed.jsonl:1`, 'One', 'Reuters'],
      ['feed.jsonl:2', `${join(root, 'in')}/feed.jsonl:2`, 'no id', null],
    ]);
    expect(warnings.map((w) => [w.code, w.where.slice(root.length)])).toEqual([
      ['W_NO_ID', '/in/feed.jsonl:2'],
      ['W_MALFORMED_JSON', '/in/feed.jsonl:3'],
    ]);
  });

  test('JSONL: an invalid UTF-8 line is skipped with its line number; strict mode throws on malformed JSON', async () => {
    put('in/feed.ndjson', Buffer.concat([Buffer.from('{"id": "a", "text": "A"}\n{"id": "b", "text": "'), Buffer.from([0xff]), Buffer.from('"}\n{"id": "c", "text": "C"}\n')]));
    const { articles, warnings } = await readInputs([join(root, 'in')]);
    expect(articles.map((a) => a.id)).toEqual(['a', 'c']);
    expect(warnings.map((w) => [w.code, w.where.slice(root.length)])).toEqual([['W_INVALID_UTF8', '/in/feed.ndjson:2']]);

    put('strict/feed.jsonl', '{"id": "a", "text": "A"}\nnope\n');
    await expect(readInputs([join(root, 'strict')], { strict: true })).rejects.toThrow(`${join(root, 'strict')}/feed.jsonl:2: malformed JSON (`);
  });

  test('a file over maxFileBytes is skipped with a warning', async () => {
    put('in/big.txt', 'x'.repeat(101));
    put('in/small.txt', 'x'.repeat(100));
    const { articles, warnings } = await readInputs([join(root, 'in')], { maxFileBytes: 100 });
    expect(articles.map((a) => a.id)).toEqual(['small']);
    expect(warnings).toEqual([{ code: 'W_FILE_TOO_LARGE', where: `${join(root, 'in')}/big.txt`, message: 'file of 101 bytes is over the 100-byte limit for one article (a dump of many is read as JSONL or WARC, with no such limit); skipped' }]);
  });
});

describe('readInputs: a JSONL record over the limit for one article', () => {
  test.each([
    ['spanning read chunks (dropped as it is read)', 'y', 200_000],
    ['inside one read chunk', 'y', 150],
    ['of fewer characters than the limit but more bytes', 'é', 60],
  ])('%s: skipped with a warning naming its line and bytes, the records around it read', async (_name, letter, size) => {
    const big = JSON.stringify({ id: 'big', text: letter.repeat(size) });
    const file = put(`long-${size}/feed.jsonl`, `{"id": "a", "text": "A"}\n${big}\n{"id": "c", "text": "C"}\nnope\n`);
    const { articles, warnings } = await readInputs([file], { maxFileBytes: 100 });
    expect(articles.map((a) => a.id)).toEqual(['a', 'c']);
    expect(warnings).toEqual([
      { code: 'W_FILE_TOO_LARGE', where: `${file}:2`, message: `record of ${Buffer.byteLength(big)} bytes is over the 100-byte limit for one article; skipped` },
      // Line numbers after it stay right.
      { code: 'W_MALFORMED_JSON', where: `${file}:4`, message: expect.stringContaining('malformed JSON') as string },
    ]);
  });
});

describe('readInputs: a JSONL file whose every line is skipped as it is read', () => {
  test('is not called empty: the skipped lines’ warnings say what it held; a blank one is', async () => {
    const long = put('skipped/long.jsonl', `${JSON.stringify({ id: 'big', text: 'y'.repeat(200_000) })}\n`);
    const bad = put('skipped/bad.jsonl', Buffer.concat([Buffer.from('{"id": "a", "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    const blank = put('skipped/blank.jsonl', '\n  \n');
    const codes = async (file: string): Promise<string[]> => (await readInputs([file], { maxFileBytes: 100 })).warnings.map((w) => `${w.code} ${w.where.slice(file.length)}`);
    expect(await codes(long)).toEqual(['W_FILE_TOO_LARGE :1']);
    expect(await codes(bad)).toEqual(['W_INVALID_UTF8 :1']);
    expect(await codes(blank)).toEqual(['W_EMPTY_FILE ']);
  });
});

describe('readInputs: paths named directly', () => {
  test('a missing path throws InputError "no such file or directory"', async () => {
    const missing = join(root, 'nope');
    const error = await readInputs([missing]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'E_INPUT', where: missing, message: `${missing}: no such file or directory` });
  });

  test('a file with another extension is read as text; BOM removed; id is the name without extension', async () => {
    const file = put('notes.log', '\ufeffPlain text\n');
    const { articles, warnings } = await readInputs([file]);
    expect(articles).toMatchObject([{ id: 'notes', path: file, text: 'Plain text\n' }]);
    expect(warnings).toEqual([]);
  });
});

describe('readInputs: configuration', () => {
  const outlets = (zone: string): string => JSON.stringify({ version: 1, outlets: { 'example.com': { name: 'Example News', timeZone: zone } } });
  const story = '12 Feb 2022 - 18:40\n\nExample Story Headline\n\nBody.\nhttps://www.example.com/story\n';

  test('outlets.json and manifest.json at the top are used, not read as articles', async () => {
    put('in/outlets.json', outlets('Asia/Tehran'));
    put('in/manifest.json', JSON.stringify({ story: { title: 'Manifest Title' }, ghost: { title: 'x' } }));
    put('in/story.txt', story);
    const { articles, warnings } = await readInputs([join(root, 'in')]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.meta).toMatchObject({
      outlet: 'example.com',
      outletName: 'Example News',
      title: 'Manifest Title',
      published: { kind: 'instant', text: '2022-02-12T18:40+03:30', zoneSource: 'outlet', zone: 'Asia/Tehran' },
      sources: { outlet: 'text', url: 'text', published: 'text', title: 'manifest' },
    });
    expect(warnings).toEqual([{ code: 'W_UNKNOWN_MANIFEST_ID', where: join(root, 'in', 'manifest.json'), message: 'manifest entry "ghost" matches no article; ignored' }]);
  });

  test('options.outlets replaces discovered outlets files', async () => {
    put('in/outlets.json', outlets('Asia/Tehran'));
    put('in/story.txt', story);
    const explicit = put('berlin.json', outlets('Europe/Berlin'));
    const { articles } = await readInputs([join(root, 'in')], { outlets: explicit });
    // 18:40 CET (+01:00) = 17:40Z
    expect(articles[0]?.meta.published).toMatchObject({ zone: 'Europe/Berlin', interval: { from: Date.parse('2022-02-12T17:40:00Z') } });
  });

  test('a bad outlets file stops the job', async () => {
    put('in/outlets.json', outlets('Not/AZone'));
    put('in/story.txt', story);
    await expect(readInputs([join(root, 'in')])).rejects.toThrow(InputError);
  });
});

test('readInputs: outlets.json named directly (a shell glob) is configuration, not an article', async () => {
  const files = [
    put('in/outlets.json', JSON.stringify({ version: 1, outlets: { 'example.com': { name: 'Example News' } } })),
    put('in/story.txt', 'Story\nhttps://example.com/a\n'),
  ];
  const { articles, warnings } = await readInputs(files);
  expect(articles.map((a) => [a.id, a.meta.outletName])).toEqual([['story', 'Example News']]);
  expect(warnings).toEqual([]);
});

describe('readInputs on a dump of many lines', () => {
  test('150,000 JSONL lines (more than a call may take as arguments) are all read, in id order, and so are as many warnings', async () => {
    const n = 150_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(JSON.stringify({ id: `a${String(i).padStart(6, '0')}`, text: `word${i} other` }));
    // As many malformed lines: one warning each.
    for (let i = 0; i < n; i++) lines.push('{not json');
    const file = put('big.jsonl', lines.join('\n') + '\n');
    const { articles, warnings } = await readInputs([file]);
    expect(articles).toHaveLength(n);
    expect(articles[0]?.id).toBe('a000000');
    expect(articles[n - 1]?.id).toBe(`a${n - 1}`);
    expect(warnings).toHaveLength(n);
    expect(warnings[n - 1]?.where).toBe(`${file}:${2 * n}`);
  }, 60_000);
});
