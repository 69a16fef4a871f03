import { InputError } from '../../src/errors';
import { mergeManifests, parseManifest } from '../../src/ingest/manifest';

describe('parseManifest', () => {
  test('reads entries; null and empty mean unknown; unknown keys ignored', () => {
    const manifest = parseManifest(
      { '001': { outlet: 'taghribnews.com', url: null, published: ' 2022-02-12T18:40 ', title: '', author: 'x' }, '002': {} },
      'manifest.json',
    );
    expect(manifest.get('001')).toEqual({ outlet: 'taghribnews.com', published: '2022-02-12T18:40' });
    expect(manifest.get('002')).toEqual({});
  });

  test.each([
    ['not an object', [1, 2], /keyed by article id/],
    ['entry not an object', { a: 'x' }, /entry "a" must be an object/],
    ['field not a string', { a: { title: 1644668940 } }, /entry "a": "title" must be a string/],
    ['published neither a string nor a number', { a: { published: true } }, /entry "a": "published" must be a string or number/],
  ])('%s → InputError', (_name, json, message) => {
    expect(() => parseManifest(json, 'm.json')).toThrow(InputError);
    expect(() => parseManifest(json, 'm.json')).toThrow(message);
  });
});

test('a published time given as a number (a Unix time) is kept as its digits', () => {
  expect(parseManifest({ a: { published: 1644668940 } }, 'm.json').get('a')).toEqual({ published: '1644668940' });
});

test('mergeManifests: later wins per id', () => {
  const merged = mergeManifests([new Map([['a', { title: 'A' }], ['b', { title: 'B' }]]), new Map([['a', { url: 'https://x.com/a' }]])]);
  expect(merged.get('a')).toEqual({ url: 'https://x.com/a' });
  expect(merged.get('b')).toEqual({ title: 'B' });
});
