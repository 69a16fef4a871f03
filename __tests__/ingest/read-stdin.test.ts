import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/errors';
import { readInputs } from '../../src/ingest/read-inputs';
import { resolveOptions } from '../../src/options';
import { scanArticles } from '../../src/pipeline';
import { SAMPLES_DIR, samplesJsonl } from './streaming-fixtures';

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
