import fc from 'fast-check';
import { exactJaccard } from '../../src/shingle/exact-jaccard';

const u32 = (...xs: number[]): Uint32Array => Uint32Array.from(xs);

describe('exactJaccard', () => {
  it('is |A∩B| / |A∪B| on hand-computed sets', () => {
    expect(exactJaccard(u32(1, 2, 3), u32(2, 3, 4))).toBe(0.5); // {2,3} / {1,2,3,4}
    expect(exactJaccard(u32(1, 2, 3, 4), u32(4, 5))).toBe(0.2); // {4} / {1..5}
    expect(exactJaccard(u32(1), u32(2))).toBe(0);
    expect(exactJaccard(u32(0xffffffff, 0), u32(0, 0xffffffff))).toBe(1);
  });

  it('treats inputs as sets: duplicates count once', () => {
    expect(exactJaccard(u32(1, 1, 1, 2), u32(2, 2, 3))).toBeCloseTo(1 / 3, 12); // {2} / {1,2,3}
  });

  it('is 0 for two empty sets and for empty vs non-empty', () => {
    expect(exactJaccard(u32(), u32())).toBe(0);
    expect(exactJaccard(u32(), u32(5))).toBe(0);
  });

  it('does not reorder its inputs', () => {
    const a = u32(3, 1, 2);
    exactJaccard(a, u32(1));
    expect(Array.from(a)).toEqual([3, 1, 2]);
  });

  it('is symmetric and within [0, 1] (property)', () => {
    const set = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }).map((xs) => Uint32Array.from(xs));
    fc.assert(
      fc.property(set, set, (a, b) => {
        const j = exactJaccard(a, b);
        expect(j).toBe(exactJaccard(b, a));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        const union = new Set([...a, ...b]).size;
        const shared = [...new Set(a)].filter((x) => b.includes(x)).length;
        expect(j).toBe(union === 0 ? 0 : shared / union);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
