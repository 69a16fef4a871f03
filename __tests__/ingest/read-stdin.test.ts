import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { InputError, OptionsError } from '../../src/errors';
import { readInputs } from '../../src/ingest/read-inputs';
import { resolveOptions } from '../../src/options';
import { scanArticles } from '../../src/pipeline';
import { articlePage, SAMPLES_DIR, sampleText, samplesJsonl } from './streaming-fixtures';

/** A stream that yields `data` in small chunks, like a pipe. */
function pipeOf(data: Buffer): PassThrough {
  const stream = new PassThrough();
  for (let at = 0; at < data.length; at += 997) stream.write(data.subarray(at, at + 997));
  stream.end();
  return stream;
}

describe("'-' reads standard input as JSONL", () => {
  test('records come from the given stream, shown as <stdin>; the samples pair is found', async () => {
    const stdin = pipeOf(Buffer.from(samplesJsonl()));
    const { articles, warnings } = await readInputs(['-'], { stdin, outlets: join(SAMPLES_DIR, 'outlets.json') });
    expect(warnings).toEqual([]);
    expect(articles.map((a) => [a.id, a.path])).toEqual([
      ['000_6ebd8b03c1841edc', '<stdin>:1'],
      ['001_69955482a43b296f', '<stdin>:2'],
      ['004_c4d09dfc72624344', '<stdin>:3'],
    ]);
    const report = await scanArticles(articles, resolveOptions({}), warnings);
    expect(report.pairs.filter((p) => p.relation === 'syndication').map((p) => [p.source, p.target])).toEqual([['004_c4d09dfc72624344', '001_69955482a43b296f']]);
  });

  test('gzip on stdin is recognised by its magic bytes; the same articles', async () => {
    const plain = await readInputs(['-'], { stdin: pipeOf(Buffer.from(samplesJsonl())) });
    const gz = await readInputs(['-'], { stdin: pipeOf(gzipSync(samplesJsonl())) });
    expect(gz.articles).toEqual(plain.articles);
  });

  test('records without ids get <stdin>:LINE; warnings name <stdin>:LINE; stdin combines with files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reprint-stdin-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'A file article.');
      const stdin = pipeOf(Buffer.from('{"text": "From a pipe."}\nnot json\n'));
      const { articles, warnings } = await readInputs([join(dir, 'a.txt'), '-'], { stdin });
      expect(articles.map((a) => [a.id, a.text])).toEqual([
        ['<stdin>:1', 'From a pipe.'],
        ['a', 'A file article.'],
      ]);
      expect(warnings.map((w) => [w.code, w.where])).toEqual([
        ['W_NO_ID', '<stdin>:1'],
        ['W_MALFORMED_JSON', '<stdin>:2'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("'-' without a stdin stream is an InputError naming <stdin>", async () => {
    await expect(readInputs(['-'])).rejects.toBeInstanceOf(InputError);
    await expect(readInputs(['-'])).rejects.toThrow(/^<stdin>: standard input is not available/);
  });

  test('empty stdin: a W_EMPTY_FILE warning', async () => {
    const { articles, warnings } = await readInputs(['-'], { stdin: pipeOf(Buffer.alloc(0)) });
    expect(articles).toEqual([]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_EMPTY_FILE', '<stdin>']]);
  });
});

describe("'-' with stdinFormat 'text' or 'html' reads one article from standard input", () => {
  const sample = '004_c4d09dfc72624344';

  test('text: the whole stream, exactly, as one article <stdin>, gzip recognised; the same text as the file', async () => {
    const text = sampleText(sample);
    const plain = await readInputs(['-'], { stdin: pipeOf(Buffer.from(text)), stdinFormat: 'text' });
    expect(plain.warnings).toEqual([]);
    expect(plain.articles.map((a) => [a.id, a.path, a.text])).toEqual([['<stdin>', '<stdin>', text]]);
    const file = await readInputs([join(SAMPLES_DIR, `${sample}.txt`)]);
    expect(plain.articles[0]?.meta).toEqual(file.articles[0]?.meta);
    const gz = await readInputs(['-'], { stdin: pipeOf(gzipSync(text)), stdinFormat: 'text' });
    expect(gz.articles.map((a) => a.text)).toEqual([text]);
  });

  test('html: the page reduced to its text, its title and published time kept', async () => {
    const page = articlePage('A draft', sampleText(sample), '2022-02-12T12:29:00+00:00');
    const { articles, warnings } = await readInputs(['-'], { stdin: pipeOf(Buffer.from(page)), stdinFormat: 'html' });
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.meta.title).toBe('A draft');
    expect(articles[0]?.meta.published?.text).toBe('2022-02-12T12:29:00+00:00');
    expect(articles[0]?.text).toContain('Lavrov and Blinken spoke by phone on Saturday');
    expect(articles[0]?.text).not.toContain('<p>');
  });

  test('over the size limit: W_FILE_TOO_LARGE naming <stdin>, nothing read; empty: W_EMPTY_FILE; not UTF-8: W_INVALID_UTF8', async () => {
    const big = await readInputs(['-'], { stdin: pipeOf(Buffer.alloc(5000, 0x61)), stdinFormat: 'text', maxFileBytes: 4096 });
    expect(big.articles).toEqual([]);
    expect(big.warnings.map((w) => [w.code, w.where, w.message])).toEqual([
      ['W_FILE_TOO_LARGE', '<stdin>', 'standard input is over the 4096-byte limit for one article (a dump of many is read as JSONL or WARC, with no such limit); skipped'],
    ]);
    const empty = await readInputs(['-'], { stdin: pipeOf(Buffer.alloc(0)), stdinFormat: 'text' });
    expect(empty.warnings.map((w) => [w.code, w.where])).toEqual([['W_EMPTY_FILE', '<stdin>']]);
    const bad = await readInputs(['-'], { stdin: pipeOf(Buffer.from([0x61, 0xff, 0x62])), stdinFormat: 'text' });
    expect(bad.warnings.map((w) => [w.code, w.where])).toEqual([['W_INVALID_UTF8', '<stdin>']]);
  });

  test('a cut gzip stream is an InputError naming <stdin>, not a stack trace', async () => {
    const cut = gzipSync(sampleText(sample)).subarray(0, 200);
    await expect(readInputs(['-'], { stdin: pipeOf(cut), stdinFormat: 'text' })).rejects.toThrow(/^<stdin>: gzip data ends early/);
  });

  test('an unknown stdinFormat is an OptionsError', async () => {
    await expect(readInputs(['-'], { stdin: pipeOf(Buffer.from('x')), stdinFormat: 'xml' as 'text' })).rejects.toBeInstanceOf(OptionsError);
  });
});
