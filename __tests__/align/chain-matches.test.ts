import { chainMatches } from '../../src/align';

describe('chainMatches', () => {
  test('matches in order with small gaps on both sides form one chain', () => {
    const m = [
      { aStart: 0, bStart: 0, length: 10 },
      { aStart: 12, bStart: 11, length: 10 }, // gaps 2 and 1
      { aStart: 22, bStart: 30, length: 5 }, // gap a 0, b 8
    ];
    expect(chainMatches(m, 10)).toEqual([{ aStart: 0, aEnd: 27, bStart: 0, bEnd: 35, matched: 25 }]);
  });

  test('a gap larger than maxGap starts a new chain', () => {
    const m = [
      { aStart: 0, bStart: 0, length: 10 },
      { aStart: 10, bStart: 40, length: 10 },
    ];
    expect(chainMatches(m, 10)).toHaveLength(2);
  });

  test('reordered paragraphs form separate chains', () => {
    // b has a's second paragraph first
    const m = [
      { aStart: 50, bStart: 0, length: 20 },
      { aStart: 0, bStart: 20, length: 20 },
    ];
    expect(chainMatches(m, 10)).toEqual([
      { aStart: 50, aEnd: 70, bStart: 0, bEnd: 20, matched: 20 },
      { aStart: 0, aEnd: 20, bStart: 20, bEnd: 40, matched: 20 },
    ]);
  });
});
