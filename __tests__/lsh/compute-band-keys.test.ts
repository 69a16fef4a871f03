import { computeBandKey, computeBandKeys, fillBandKeys16 } from '../../src/lsh/compute-band-keys';
import { combine32, mix32 } from '../../src/shingle/hash';

function keysOf(values: number[], bands: number, rows: number): [number[], number[]] {
  const k1 = new Uint32Array(bands);
  const k2 = new Uint32Array(bands);
  computeBandKeys(Uint32Array.from(values), bands, rows, k1, k2, 0);
  return [Array.from(k1), Array.from(k2)];
}

describe('computeBandKeys', () => {
  it('folds each band with combine32 from the documented start (key 1)', () => {
    const [k1] = keysOf([5, 6, 7, 8], 2, 2);
    expect(k1[0]).toBe(combine32(combine32(0x6a09e667, 5), 6));
    expect(k1[1]).toBe(combine32(combine32(0x6a09e667, 7), 8));
  });

  it('gives equal keys to equal bands, whatever band they are', () => {
    const [k1, k2] = keysOf([1, 2, 1, 2, 3, 4], 3, 2);
    expect(k1[0]).toBe(k1[1]);
    expect(k2[0]).toBe(k2[1]);
    expect(k1[2]).not.toBe(k1[0]);
  });

  it('changes only the key of the band whose value changed; order within a band matters', () => {
    const [a1, a2] = keysOf([1, 2, 3, 4, 5, 6], 3, 2);
    const [b1, b2] = keysOf([1, 2, 3, 9, 5, 6], 3, 2);
    expect([b1[0], b1[2]]).toEqual([a1[0], a1[2]]);
    expect(b1[1]).not.toBe(a1[1]);
    expect(b2[1]).not.toBe(a2[1]);
    expect(keysOf([2, 1], 1, 2)[0][0]).not.toBe(keysOf([1, 2], 1, 2)[0][0]);
  });

  it('ignores values beyond bands x rows and writes at the offset', () => {
    const k1 = new Uint32Array(5);
    const k2 = new Uint32Array(5);
    computeBandKeys(Uint32Array.from([1, 2, 3, 4, 99]), 2, 2, k1, k2, 3);
    expect(Array.from(k1.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(k1.subarray(3))).toEqual(keysOf([1, 2, 3, 4], 2, 2)[0]);
  });

  it('folds full 32-bit values (0, 2^31 and above, 2^32 − 1) as combine32 defines, both keys, read in place from `from`', () => {
    const values = Uint32Array.from({ length: 2 * 12 }, (_, i) => [0, 0xffffffff, 0x80000000, 0x7fffffff][i % 4]! ^ (i < 4 ? 0 : mix32(i)));
    const bands = 4;
    const rows = 3;
    const k1 = new Uint32Array(bands);
    const k2 = new Uint32Array(bands);
    // The second signature of the block, in place.
    computeBandKeys(values, bands, rows, k1, k2, 0, 12);
    for (let j = 0; j < bands; j++) {
      let h1 = 0x6a09e667;
      let h2 = 0xbb67ae85;
      for (const v of values.subarray(12 + j * rows, 12 + (j + 1) * rows)) {
        h1 = combine32(h1, v);
        h2 = combine32(h2, (v ^ 0x510e527f) >>> 0);
      }
      expect([k1[j], k2[j]]).toEqual([h1, h2]);
    }
    const [v1, v2] = keysOf(Array.from(values.subarray(12)), bands, rows);
    expect([Array.from(k1), Array.from(k2)]).toEqual([v1, v2]);
  });

  it('gives 16-bit values (looked-up mixes) the keys of the same values in 32 bits', () => {
    const values = Uint16Array.from({ length: 3000 }, (_, i) => (i % 11 === 0 ? 0xffff : i % 13 === 0 ? 0 : mix32(i) & 0xffff));
    const wide = Uint32Array.from(values);
    const rows = 3;
    const count = values.length / rows;
    const k1 = new Uint32Array(count);
    const k2 = new Uint32Array(count);
    const w1 = new Uint32Array(count);
    const w2 = new Uint32Array(count);
    for (let e = 0; e < count; e++) {
      computeBandKey(values, e * rows, (e + 1) * rows, k1, k2, e);
      computeBandKey(wide, e * rows, (e + 1) * rows, w1, w2, e);
    }
    expect(Array.from(k1)).toEqual(Array.from(w1));
    expect(Array.from(k2)).toEqual(Array.from(w2));
    // And the definition, for one band.
    let h = 0x6a09e667;
    for (const v of values.subarray(0, rows)) h = combine32(h, v);
    expect(k1[0]).toBe(h);
  });

  it('fillBandKeys16 gives each window the keys computeBandKey gives it, for any number of rows', () => {
    for (const rows of [1, 2, 3, 5]) {
      const count = 400;
      const values = Uint16Array.from({ length: count * rows }, (_, i) => (i % 17 === 0 ? 0xffff : mix32(i * rows) & 0xffff));
      const k1 = new Uint32Array(count);
      const k2 = new Uint32Array(count);
      fillBandKeys16(values, count, rows, k1, k2);
      const e1 = new Uint32Array(count);
      const e2 = new Uint32Array(count);
      for (let e = 0; e < count; e++) computeBandKey(values, e * rows, (e + 1) * rows, e1, e2, e);
      expect([rows, Array.from(k1), Array.from(k2)]).toEqual([rows, Array.from(e1), Array.from(e2)]);
    }
  });
});
