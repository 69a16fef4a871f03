import { extractUrl, isAssetUrl } from '../../src/ingest/extract-url';

const SPUTNIK =
  'https://sputniknews.com/20220212/lavrov-tells-blinken-propaganda-about-russian-aggression-against-ukraine-has-provocative-purposes-1092963955.html';

describe('extractUrl', () => {
  test('seed 004: URL on the first line after the date', () => {
    expect(extractUrl(` date 2022-02-12 ${SPUTNIK}\n\nLavrov Tells Blinken\n`)).toBe(SPUTNIK);
  });

  test('seed 001: URL in the footer (last 6 non-empty lines)', () => {
    const text = ['Publish date12 Feb 2022 - 18:40', 'a', 'b', 'c', 'd', 'e', 'body', ' ',
      'https://taghribnews.com/vdcfmcdtjw6dmma.r7iw.html', 'Your Name', 'Your Email Address', 'Security Code'].join('\n');
    expect(extractUrl(text)).toBe('https://taghribnews.com/vdcfmcdtjw6dmma.r7iw.html');
  });

  test('a URL in the middle of the article is not the article URL', () => {
    const lines = ['Title line here', 'one', 'two', 'see https://example.com/other', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
    expect(extractUrl(lines.join('\n'))).toBeNull();
  });

  test('image and asset URLs are skipped (seed 004 image line)', () => {
    const text = [
      'https://cdnn1.img.sputniknews.com/img/102559/25/1025592560_0:566:3952:2789_1920x0_80.jpg',
      'https://example.com/style.css?v=3',
      'https://img.example.com/photo',
      'https://example.org/news/1',
    ].join('\n');
    expect(extractUrl(text)).toBe('https://example.org/news/1');
  });

  test('trailing punctuation is not part of the URL', () => {
    expect(extractUrl('Source: (https://example.com/a/b).')).toBe('https://example.com/a/b');
    expect(extractUrl('“https://example.com/a”,')).toBe('https://example.com/a');
  });

  test('no URL → null', () => {
    expect(extractUrl('12 Feb, 2022 16:59\n\nRussia issues warning to US')).toBeNull();
  });
});

describe('isAssetUrl', () => {
  test.each([
    ['https://example.com/a.JPG', true],
    ['https://example.com/a.webp', true],
    ['https://example.com/app.js', true],
    ['https://cdn.example.com/article', true],
    ['https://example.com/article.html', false],
    ['https://example.com/json', false],
  ])('%s → %s', (url, expected) => {
    expect(isAssetUrl(url)).toBe(expected);
  });
});
