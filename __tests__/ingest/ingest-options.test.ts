import { OptionsError } from '../../src/errors';
import { DEFAULT_MAX_FILE_BYTES, resolveIngestOptions } from '../../src/ingest/ingest-options';

describe('resolveIngestOptions', () => {
  test('defaults', () => {
    const options = resolveIngestOptions();
    expect(options).toEqual({
      fields: {
        id: ['id'],
        text: ['text', 'body', 'content', 'maintext'],
        outlet: ['outlet', 'source', 'publisher', 'site', 'source_domain'],
        url: ['url', 'link'],
        published: ['published', 'date', 'published_at', 'date_publish', 'datePublished'],
        title: ['title', 'headline'],
      },
      manifest: null,
      outlets: null,
      strict: false,
      maxFileBytes: 64 * 1024 * 1024,
      stdin: null,
      stdinFormat: 'jsonl',
    });
    expect(DEFAULT_MAX_FILE_BYTES).toBe(67_108_864);
    expect(Object.isFrozen(options)).toBe(true);
  });

  test('a field override replaces that field only', () => {
    const { fields } = resolveIngestOptions({ fields: { text: 'article' } });
    expect(fields.text).toEqual(['article']);
    expect(fields.url).toEqual(['url', 'link']);
  });

  test.each([
    [{ maxFileBytes: 0 }, /--max-file-bytes: must be a positive whole number/],
    [{ maxFileBytes: 1.5 }, /--max-file-bytes/],
    [{ fields: { text: '' } }, /--fields: the JSONL field name for "text"/],
    [{ fields: { body: 'x' } as never }, /--fields: unknown field "body"/],
    [{ outlets: ' ' }, /--outlets: must be a file path/],
    [{ stdinFormat: 'xml' as never }, /--stdin-format: must be one of jsonl, text, html \(got xml\)/],
  ])('%j → OptionsError', (options, message) => {
    expect(() => resolveIngestOptions(options)).toThrow(OptionsError);
    expect(() => resolveIngestOptions(options)).toThrow(message);
  });
});
