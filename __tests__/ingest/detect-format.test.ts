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
    ['page.html.gz', null], // only JSONL and WARC are read gzipped
    ['notes.txt.gz', null],
    ['archive.gz', null],
    ['report.pdf', null],
  ])('%s', (name, expected) => {
    expect(detectInputKind(name)).toEqual(expected);
    expect(detectFormat(name)).toBe(expected?.format ?? null);
  });
});
