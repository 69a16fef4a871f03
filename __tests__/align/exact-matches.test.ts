import { findExactMatches } from '../../src/align';

const u = (xs: number[]) => Uint32Array.from(xs);

describe('findExactMatches', () => {
  test('finds each maximal common run once, from its leftmost start', () => {
    // a: 1 2 3 4 5 6 9 9      b: 0 1 2 3 4 5 6 7
    // common run 1..6 (6 tokens) at a[0], b[1]
    expect(findExactMatches(u([1, 2, 3, 4, 5, 6, 9, 9]), u([0, 1, 2, 3, 4, 5, 6, 7]), { anchorSize: 3, maxOccurrences: 8 })).toEqual([
      { aStart: 0, bStart: 1, length: 6 },
    ]);
  });

  test('runs shorter than the anchor are not matches', () => {
    expect(findExactMatches(u([1, 2, 7, 8]), u([1, 2, 9, 9]), { anchorSize: 3, maxOccurrences: 8 })).toEqual([]);
  });

  test('a repeated run in a matches twice', () => {
    // a has 5 6 7 at 0 and at 4
    const m = findExactMatches(u([5, 6, 7, 0, 5, 6, 7]), u([5, 6, 7]), { anchorSize: 3, maxOccurrences: 8 });
    expect(m).toEqual([
      { aStart: 0, bStart: 0, length: 3 },
      { aStart: 4, bStart: 0, length: 3 },
    ]);
  });

  test('anchors recurring more than maxOccurrences times seed nothing', () => {
    const a = u([5, 6, 7, 0, 5, 6, 7, 0, 5, 6, 7]);
    expect(findExactMatches(a, u([5, 6, 7]), { anchorSize: 3, maxOccurrences: 2 })).toEqual([]);
  });
});
