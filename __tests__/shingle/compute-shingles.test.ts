import { computeShingles, computeUnmarkedShingles, countShingles, SHINGLE_HASH_START } from '../../src/shingle/compute-shingles';
import { combine32, mix32 } from '../../src/shingle/hash';
import { InternalError, OptionsError } from '../../src/errors';

const tokens = Uint32Array.from([11, 22, 33, 44]);

describe('countShingles', () => {
  it('is n - size + 1 for n >= size, 1 for a short non-empty run, 0 for none', () => {
    expect(countShingles(10, 5)).toBe(6); // 10 - 5 + 1
    expect(countShingles(5, 5)).toBe(1);
    expect(countShingles(3, 5)).toBe(1); // one short shingle
    expect(countShingles(0, 5)).toBe(0);
  });
});

describe('computeShingles', () => {
  it('hashes each run of `size` tokens as combine32 folded from SHINGLE_HASH_START', () => {
    // Reference values from an independent Python port of combine32/mix32:
    // [11,22] -> 0xab1f2f9a, [22,33] -> 0xc2d51238, [33,44] -> 0x7c5e927e.
    const shingles = computeShingles(tokens, 0, 4, 2);
    expect(Array.from(shingles)).toEqual([0xab1f2f9a, 0xc2d51238, 0x7c5e927e]);
    // The same thing written as the definition.
    expect(shingles[0]).toBe(combine32(combine32(SHINGLE_HASH_START, 11), 22));
  });

  it('equals the combine32 fold for every size, range and value, long ranges included', () => {
    // Values near 0 and 2^32 (the salt addition wraps), long ranges (the premixed
    // scratch grows), then a short one again (a stale, larger scratch is reused).
    const values = Uint32Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? 0xffffffff - i : mix32(i)));
    for (const [from, to] of [[0, 3000], [5, 1500], [2990, 3000], [100, 103], [0, 1]] as const) {
      for (const size of [1, 2, 3, 5, 8]) {
        const got = computeShingles(values, from, to, size);
        const width = Math.min(size, to - from);
        const expected = Array.from({ length: got.length }, (_, i) => {
          let h = SHINGLE_HASH_START;
          for (let t = from + i; t < from + i + width; t++) h = combine32(h, values[t]!);
          return h;
        });
        expect(Array.from(got)).toEqual(expected);
      }
    }
  });

  it('gives n - size + 1 shingles over the range only', () => {
    const many = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(computeShingles(many, 0, 10, 3)).toHaveLength(8); // 10 - 3 + 1
    expect(computeShingles(many, 2, 7, 3)).toHaveLength(3); // tokens 2..6: 5 - 3 + 1
  });

  it('gives equal hashes for equal token runs, wherever they are', () => {
    const a = Uint32Array.from([7, 1, 2, 3, 9]);
    const b = Uint32Array.from([1, 2, 3]);
    // a[1..4) = [1,2,3] is b's only shingle.
    expect(computeShingles(a, 0, 5, 3)[1]).toBe(computeShingles(b, 0, 3, 3)[0]);
    // A range that starts mid-array equals the same tokens at the start of another array.
    expect(Array.from(computeShingles(a, 1, 5, 2))).toEqual(
      Array.from(computeShingles(Uint32Array.from([1, 2, 3, 9]), 0, 4, 2)),
    );
  });

  it('depends on token order', () => {
    // [11,22] -> 0xab1f2f9a but [22,11] -> 0x49242acf (Python port).
    const reversed = computeShingles(Uint32Array.from([22, 11]), 0, 2, 2);
    expect(reversed[0]).toBe(0x49242acf);
    expect(reversed[0]).not.toBe(computeShingles(tokens, 0, 2, 2)[0]);
  });

  it('gives one shingle of what there is when the range is shorter than size, none when empty', () => {
    // [11,22,33] with size 5 -> one shingle over the three tokens: 0x5334fe7f (Python port).
    expect(Array.from(computeShingles(tokens, 0, 3, 5))).toEqual([0x5334fe7f]);
    expect(computeShingles(tokens, 2, 2, 5)).toHaveLength(0);
    expect(computeShingles(new Uint32Array(0), 0, 0, 1)).toHaveLength(0);
  });

  it('writes into a caller buffer and returns a view of it', () => {
    const out = new Uint32Array(8).fill(123);
    const view = computeShingles(tokens, 0, 4, 2, out);
    expect(view.buffer).toBe(out.buffer);
    expect(Array.from(out)).toEqual([0xab1f2f9a, 0xc2d51238, 0x7c5e927e, 123, 123, 123, 123, 123]);
  });

  it('rejects a bad size, range or buffer', () => {
    expect(() => computeShingles(tokens, 0, 4, 0)).toThrow(OptionsError);
    expect(() => computeShingles(tokens, 0, 4, 2.5)).toThrow(OptionsError);
    expect(() => computeShingles(tokens, 0, 5, 2)).toThrow(InternalError);
    expect(() => computeShingles(tokens, 3, 2, 2)).toThrow(InternalError);
    expect(() => computeShingles(tokens, 0, 4, 2, new Uint32Array(2))).toThrow(InternalError);
  });
});

describe('computeUnmarkedShingles', () => {
  const many = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  it('equals computeShingles when nothing is marked', () => {
    const mask = new Uint8Array(10);
    expect(Array.from(computeUnmarkedShingles(many, 1, 9, 3, mask))).toEqual(Array.from(computeShingles(many, 1, 9, 3)));
  });

  it('leaves out exactly the shingles that cover a marked token', () => {
    const mask = new Uint8Array(10);
    mask[4] = 1; // shingles starting at 2, 3, 4 cover token 4
    mask[9] = 1; // shingles starting at 7 covers token 9
    const all = Array.from(computeShingles(many, 0, 10, 3)); // starts 0..7
    const kept = Array.from(computeUnmarkedShingles(many, 0, 10, 3, mask));
    expect(kept).toEqual([all[0], all[1], all[5], all[6]]);
  });

  it('gives nothing when every token is marked, and rejects a short mask', () => {
    expect(computeUnmarkedShingles(many, 0, 10, 3, new Uint8Array(10).fill(1))).toHaveLength(0);
    expect(() => computeUnmarkedShingles(many, 0, 10, 3, new Uint8Array(5))).toThrow(InternalError);
  });
});
