import { buildPassageWindows, type Sentence } from '../../src/text';

function sentencesOf(lengths: number[]): Sentence[] {
  let t = 0;
  return lengths.map((n) => {
    const s = { start: t * 2, end: (t + n) * 2, tokenStart: t, tokenEnd: t + n };
    t += n;
    return s;
  });
}

describe('buildPassageWindows', () => {
  test('one window per sentence start, each at least minWords long', () => {
    // sentences of 10, 30, 5, 20 words; minWords 25
    // from s0: 10+30 = 40 → [0,40); from s1: 30 → [10,40); from s2: 5+20 = 25 → [40,65); from s3: 20 < 25, tail → stop
    expect(buildPassageWindows(sentencesOf([10, 30, 5, 20]), 25)).toEqual([
      { tokenStart: 0, tokenEnd: 40 },
      { tokenStart: 10, tokenEnd: 40 },
      { tokenStart: 40, tokenEnd: 65 },
    ]);
  });

  test('a document shorter than minWords is one window', () => {
    expect(buildPassageWindows(sentencesOf([3, 4]), 25)).toEqual([{ tokenStart: 0, tokenEnd: 7 }]);
  });

  test('no sentences, no windows', () => {
    expect(buildPassageWindows([], 25)).toEqual([]);
  });
});
