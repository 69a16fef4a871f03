import { countCovered, findQuotedSpans, mergeSpans } from '../../src/text';

function quoted(text: string): string[] {
  return findQuotedSpans(text).map((s) => text.slice(s.start, s.end));
}

describe('findQuotedSpans', () => {
  test('straight and typographic double quotes', () => {
    expect(quoted('He said "we go" and \u201Cthey stay\u201D.')).toEqual(['"we go"', '\u201Cthey stay\u201D']);
  });

  test('guillemets and typographic single quotes (glyphs beyond ASCII and Latin-1)', () => {
    expect(quoted('Il a dit: \u00ABNous partons\u00BB hier.')).toEqual(['\u00ABNous partons\u00BB']);
    expect(quoted('He said \u2018we leave\u2019 and left.')).toEqual(['\u2018we leave\u2019']);
    expect(quoted('\u201EJa\u201C, sagte er.')).toEqual(['\u201EJa\u201C']);
  });

  test('Japanese corner brackets and Chinese typographic quotes with no spaces around them', () => {
    expect(quoted('首相は「対話を続ける」と述べ、外相は『慎重に』と語った。')).toEqual(['「対話を続ける」', '『慎重に』']);
    expect(quoted('拉夫罗夫说：\u201C这是挑衅。\u201D布林肯回应。')).toEqual(['\u201C这是挑衅。\u201D']);
  });

  test('apostrophes are not quotes; paired single quotes are', () => {
    expect(quoted("Russia's allies' claims of 'Russian aggression' matter")).toEqual(["'Russian aggression'"]);
  });

  test('a closing quote without an opener quotes from the paragraph start', () => {
    const text = 'Intro line.\nIt was emphasized that issues matter,\u201D the ministry said.';
    expect(quoted(text)).toEqual(['It was emphasized that issues matter,\u201D']);
  });

  test('an opening quote without a closer quotes to the paragraph end', () => {
    expect(quoted('He said: "first paragraph of a long quote\nnext')).toEqual(['"first paragraph of a long quote']);
  });

  test('an embedded post is quoted up to its attribution dash', () => {
    const text = 'I spoke with the minister today. \u2014 Secretary Antony Blinken (@SecBlinken) February 12, 2022';
    expect(quoted(text)).toEqual(['I spoke with the minister today.']);
  });

  test('quotes glued to a full stop ("Europe.\\"It was…\\" the ministry")', () => {
    expect(quoted('in Europe."It was emphasized," the ministry stressed.')).toEqual(['"It was emphasized,"']);
  });
});

describe('mergeSpans / countCovered', () => {
  test('merge overlapping and touching spans', () => {
    expect(mergeSpans([{ start: 5, end: 8 }, { start: 0, end: 3 }, { start: 3, end: 4 }, { start: 6, end: 10 }])).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 10 },
    ]);
  });

  test('count covered characters', () => {
    const regions = [{ start: 0, end: 4 }, { start: 10, end: 20 }];
    // [2,15): 2 chars in the first region (2,3), 5 in the second (10..14)
    expect(countCovered(regions, { start: 2, end: 15 })).toBe(7);
    expect(countCovered(regions, { start: 4, end: 10 })).toBe(0);
  });
});
