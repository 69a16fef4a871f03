import { groupSimilarity, joinCondensed, type JoinableSegment } from '../../src/align';

/** A segment at token ranges a [a0, a1) and b [b0, b1); characters = tokens × 6. */
function seg(a0: number, a1: number, b0: number, b1: number, extra: Partial<JoinableSegment> = {}): JoinableSegment {
  return {
    aTokens: { start: a0, end: a1 },
    bTokens: { start: b0, end: b1 },
    b: { start: b0 * 6, end: b1 * 6 },
    quoted: false,
    similarity: 1,
    ...extra,
  };
}

const sizes = (groups: readonly (readonly JoinableSegment[])[]) => groups.map((g) => g.length);

describe('joinCondensed', () => {
  test('stretches close in the copy and in order in the source join, however far apart in the source', () => {
    const groups = joinCondensed([seg(0, 30, 0, 30), seg(400, 430, 35, 60), seg(900, 940, 70, 110)], 50);
    expect(sizes(groups)).toEqual([3]);
  });

  test('a gap in the copy larger than condenseGap keeps them apart', () => {
    expect(sizes(joinCondensed([seg(0, 30, 0, 30), seg(400, 430, 81, 110)], 50))).toEqual([1, 1]);
    expect(sizes(joinCondensed([seg(0, 30, 0, 30), seg(400, 430, 80, 110)], 50))).toEqual([2]);
  });

  test('out of order, or overlapping, in the source: not one condensed copy', () => {
    expect(sizes(joinCondensed([seg(400, 430, 0, 30), seg(0, 30, 35, 60)], 50))).toEqual([1, 1]);
    expect(sizes(joinCondensed([seg(0, 30, 0, 30), seg(20, 50, 35, 60)], 50))).toEqual([1, 1]);
  });

  test('boilerplate between them on either side, or a change of quotation status, keeps them apart', () => {
    const a = new Uint8Array(1000);
    a[200] = 1;
    expect(sizes(joinCondensed([seg(0, 30, 0, 30), seg(400, 430, 35, 60)], 50, { a }))).toEqual([1, 1]);
    const b = new Uint8Array(100);
    b[32] = 1;
    expect(sizes(joinCondensed([seg(0, 30, 0, 30), seg(400, 430, 35, 60)], 50, { b }))).toEqual([1, 1]);
    expect(sizes(joinCondensed([seg(0, 30, 0, 30), seg(400, 430, 35, 60, { quoted: true })], 50))).toEqual([1, 1]);
  });

  test('condenseGap 0 leaves every stretch alone', () => {
    expect(sizes(joinCondensed([seg(0, 30, 0, 30), seg(400, 430, 30, 60)], 0))).toEqual([1, 1]);
  });

  test('group similarity is weighted by length in the copy', () => {
    expect(groupSimilarity([seg(0, 10, 0, 10, { similarity: 1 }), seg(20, 50, 10, 40, { similarity: 0.6 })])).toBeCloseTo(0.7, 10);
  });
});
