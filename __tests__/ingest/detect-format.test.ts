import { detectFormat, detectInputKind } from '../../src/ingest/detect-format';

describe('detectInputKind', () => {
  test.each([
    ['a.txt', { format: 'text', compression: 'none' }],
    ['page.HTM', { format: 'html', compression: 'none' }],
    ['dump.jsonl', { format: 'jsonl', compression: 'none' }],
    ['dump.jsonl.gz', { format: 'jsonl', compression: 'gzip' }],
    ['feed.NDJSON.GZ', { format: 'jsonl', compression: 'gzip' }],
    ['CC-NEWS-20220212.warc.gz', { format: 'warc', compression: 'gzip' }],
    ['crawl.warc', { format: 'warc', compression: 'none' }],
    ['dump.jsonl.zst', { format: 'jsonl', compression: 'zstd' }],
    ['feed.NDJSON.ZST', { format: 'jsonl', compression: 'zstd' }],
    ['CC-NEWS-20220212.warc.zst', { format: 'warc', compression: 'zstd' }],
    ['page.html.zst', null], // only JSONL and WARC are read compressed
    ['archive.zst', null],
    ['dump.zst.jsonl', { format: 'jsonl', compression: 'none' }],
    ['page.html.gz', null], // only JSONL and WARC are read gzipped
    ['notes.txt.gz', null],
    ['archive.gz', null],
    ['report.pdf', null],
  ])('%s', (name, expected) => {
    expect(detectInputKind(name)).toEqual(expected);
    expect(detectFormat(name)).toBe(expected?.format ?? null);
  });
});
