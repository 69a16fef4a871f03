import { createLshIndex, type CandidatePair } from '../../src/lsh/create-lsh-index';
import { createMinHasher } from '../../src/minhash/create-min-hasher';
import type { Signature } from '../../src/minhash/signature';
import { InternalError, OptionsError, ParameterMismatchError } from '../../src/errors';
import { distinctValues } from '../minhash/overlapping-sets';

const hasher = createMinHasher({ numPerm: 128, seed: 1 });
const params = { bands: 25, rows: 5, numPerm: 128, seed: 1 };


/** A set of `size` elements sharing `shared` with `base` (J = shared / (2·size − shared)). */
function variant(base: number[], shared: number, state: number): number[] {
  return [...base.slice(0, shared), ...distinctValues(state, base.length - shared)];
}

const sign = (xs: number[]): Signature => hasher.sign(Uint32Array.from(xs));

describe('createLshIndex', () => {
  it('pairs identical signatures of different groups, in every band', () => {
    const index = createLshIndex(params);
    const s = sign(distinctValues(1, 80));
    index.insert(10, 1, s);
    index.insert(12, 2, s);
    expect(index.candidatePairs()).toEqual([{ a: 10, b: 12, bands: 25 }]);
  });

  it('never pairs items of the same group', () => {
    const index = createLshIndex(params);
    const s = sign(distinctValues(2, 80));
    index.insert(10, 1, s);
    index.insert(11, 1, s);
    expect(index.candidatePairs()).toEqual([]);
    index.insert(12, 2, s);
    expect(index.candidatePairs()).toEqual([
      { a: 10, b: 12, bands: 25 },
      { a: 11, b: 12, bands: 25 },
    ]);
  });

  it('rarely pairs unrelated sets and almost always pairs similar ones', () => {
    // 25 x 5: P(J = 0) = 0 (bijective permutations: no position can agree);
    // P(0.8) = 1 - (1 - 0.8^5)^25 ≈ 0.99995; P(1/9 ≈ 0.11) = 1 - (1 - 0.11^5)^25 ≈ 0.0004.
    const index = createLshIndex(params);
    let item = 0;
    const similar: Array<[number, number]> = [];
    for (let i = 0; i < 100; i++) {
      const base = distinctValues(1000 + i, 100);
      index.insert(item++, 2 * i, sign(base)); // unrelated to every other base
      // shared 89 of 100 -> J = 89/111 ≈ 0.80
      index.insert(item++, 2 * i + 1, sign(variant(base, 89, 5000 + i)));
      similar.push([item - 2, item - 1]);
    }
    const pairs = index.candidatePairs();
    const found = new Set(pairs.map((p) => `${p.a},${p.b}`));
    const missed = similar.filter(([a, b]) => !found.has(`${a},${b}`)).length;
    expect(missed).toBeLessThanOrEqual(1); // expected 0.005 misses
    // Everything else is unrelated (J = 0): no other pair may appear.
    expect(pairs.length - (similar.length - missed)).toBe(0);

    const weak = createLshIndex(params);
    for (let i = 0; i < 100; i++) {
      const base = distinctValues(9000 + i, 100);
      weak.insert(2 * i, 2 * i, sign(base));
      // shared 20 of 100 -> J = 20/180 ≈ 0.11
      weak.insert(2 * i + 1, 2 * i + 1, sign(variant(base, 20, 7000 + i)));
    }
    // Expected 0.04 candidates among 100 weak pairs.
    expect(weak.candidatePairs().length).toBeLessThanOrEqual(2);
  });

  it('returns exactly the brute-force pairs with their band counts, sorted (oracle)', () => {
    const bands = 20;
    const rows = 4; // 80 of 128 values used
    const index = createLshIndex({ bands, rows, numPerm: 128, seed: 1 });
    const sigs: Array<{ item: number; group: number; sig: Signature }> = [];
    // 15 families of 10 near-duplicates (J ≈ 0.5–0.9) spread over 7 groups; 150 items (> initial capacity).
    for (let f = 0; f < 15; f++) {
      const base = distinctValues(300 + f, 40);
      for (let v = 0; v < 10; v++) {
        const item = 1000 - (f * 10 + v) * 3; // ids not in insertion order
        sigs.push({ item, group: (f + v) % 7, sig: sign(variant(base, 28 + v, 50 * f + v + 1)) });
      }
    }
    for (const { item, group, sig } of sigs) index.insert(item, group, sig);

    const expected: CandidatePair[] = [];
    for (const x of sigs) {
      for (const y of sigs) {
        if (x.item >= y.item || x.group === y.group) continue;
        let shared = 0;
        for (let j = 0; j < bands; j++) {
          let equal = true;
          for (let t = j * rows; t < (j + 1) * rows; t++) equal &&= x.sig.values[t] === y.sig.values[t];
          if (equal) shared++;
        }
        if (shared > 0) expected.push({ a: x.item, b: y.item, bands: shared });
      }
    }
    expected.sort((p, q) => p.a - q.a || p.b - q.b);
    expect(expected.length).toBeGreaterThan(100); // the oracle case is not vacuous
    expect(expected.some((p) => p.bands < bands && p.bands > 1)).toBe(true);
    expect(index.candidatePairs()).toEqual(expected);

    // Insertion order does not matter.
    const reversed = createLshIndex({ bands, rows, numPerm: 128, seed: 1 });
    for (const { item, group, sig } of [...sigs].reverse()) reversed.insert(item, group, sig);
    expect(reversed.candidatePairs()).toEqual(expected);
  });

  it('skips buckets larger than maxBucketSize and counts them', () => {
    const s = sign(distinctValues(3, 50));
    const small = createLshIndex({ ...params, maxBucketSize: 3 });
    for (let i = 0; i < 4; i++) small.insert(i, i, s);
    expect(small.candidatePairs()).toEqual([]);
    // One bucket of 4 per band, all skipped.
    expect(small.stats()).toEqual({
      items: 4,
      buckets: 0,
      skippedBuckets: 25,
      skippedItems: 100,
      largestBucket: 4,
      candidatePairs: 0,
    });

    const enough = createLshIndex({ ...params, maxBucketSize: 4 });
    for (let i = 0; i < 4; i++) enough.insert(i, i, s);
    expect(enough.candidatePairs()).toHaveLength(6); // 4·3/2
    expect(enough.stats().skippedBuckets).toBe(0);
    expect(enough.stats().buckets).toBe(25);
  });

  it('stays usable after candidatePairs, and stats follow the items', () => {
    const index = createLshIndex(params);
    const s = sign(distinctValues(4, 30));
    index.insert(1, 1, s);
    expect(index.candidatePairs()).toEqual([]);
    index.insert(2, 2, s);
    expect(index.stats().items).toBe(2);
    expect(index.stats().candidatePairs).toBe(0); // not computed yet for 2 items
    expect(index.candidatePairs()).toEqual([{ a: 1, b: 2, bands: 25 }]);
    expect(index.stats().candidatePairs).toBe(1);
  });

  it('throws ParameterMismatchError for a signature of other parameters', () => {
    const index = createLshIndex(params);
    const xs = Uint32Array.from(distinctValues(5, 20));
    expect(() => index.insert(1, 1, createMinHasher({ numPerm: 128, seed: 2 }).sign(xs))).toThrow(
      ParameterMismatchError,
    );
    expect(() => index.insert(1, 1, createMinHasher({ numPerm: 128, seed: 2 }).sign(xs))).toThrow(/index vs signature: seed 1 vs 2/);
    expect(() => index.insert(1, 1, createMinHasher({ numPerm: 256, seed: 1 }).sign(xs))).toThrow(/numPerm 128 vs 256/);
    expect(index.stats().items).toBe(0);
  });

  it('validates its parameters and ids', () => {
    expect(() => createLshIndex({ ...params, bands: 26 })).toThrow(OptionsError); // 26·5 > 128
    expect(() => createLshIndex({ ...params, rows: 0 })).toThrow(OptionsError);
    expect(() => createLshIndex({ ...params, maxBucketSize: 1 })).toThrow(/max-bucket-size/);
    expect(() => createLshIndex({ ...params, seed: -1 })).toThrow(OptionsError);
    expect(createLshIndex(params).params).toEqual({ ...params, scheme: 'permutations', maxBucketSize: 200 });
    const index = createLshIndex(params);
    const s = sign([1, 2, 3]);
    expect(() => index.insert(-1, 0, s)).toThrow(InternalError);
    expect(() => index.insert(1.5, 0, s)).toThrow(InternalError);
    expect(() => index.insert(1, 2 ** 32, s)).toThrow(InternalError);
    index.insert(7, 0, s);
    expect(() => index.insert(7, 1, s)).toThrow(/inserted twice/);
  });
});
