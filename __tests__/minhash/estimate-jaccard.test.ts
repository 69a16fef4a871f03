import fc from 'fast-check';
import { createMinHasher } from '../../src/minhash/create-min-hasher';
import { estimateJaccard } from '../../src/minhash/estimate-jaccard';
import { ParameterMismatchError } from '../../src/errors';
import { exactJaccard } from '../../src/shingle/exact-jaccard';
import { overlappingSets, tolerance } from './overlapping-sets';

const K = 256;
const hasher = createMinHasher({ numPerm: K, seed: 1 });

describe('estimateJaccard', () => {
  it('is the fraction of equal positions (hand-made case)', () => {
    // {1,2,3} vs {1,2,3}: every position equal -> 1; {1} vs {2}: the two elements
    // differ and every h_i is a bijection, so no position can be equal -> 0.
    const h = createMinHasher({ numPerm: 4, seed: 3 });
    expect(estimateJaccard(h.sign(Uint32Array.of(1, 2, 3)), h.sign(Uint32Array.of(3, 2, 1)))).toBe(1);
    expect(estimateJaccard(h.sign(Uint32Array.of(1)), h.sign(Uint32Array.of(2)))).toBe(0);
  });

  it('gives 1 for identical non-empty sets and 0 for empty sets', () => {
    const s = Uint32Array.from({ length: 300 }, (_, i) => i * 7919);
    expect(estimateJaccard(hasher.sign(s), hasher.sign(s.slice().reverse()))).toBe(1);
    const empty = hasher.sign(new Uint32Array(0));
    expect(estimateJaccard(empty, empty)).toBe(0); // as exactJaccard(∅, ∅)
    expect(estimateJaccard(empty, hasher.sign(s))).toBe(0);
  });

  it('is within 4.5 sigma of the exact Jaccard, symmetric and in [0, 1] (property, k = 256)', () => {
    fc.assert(
      fc.property(overlappingSets, ({ a, b, jaccard }) => {
        expect(exactJaccard(a, b)).toBeCloseTo(jaccard, 12); // the construction is right
        const sa = hasher.sign(a);
        const sb = hasher.sign(b);
        const estimate = estimateJaccard(sa, sb);
        expect(estimate).toBe(estimateJaccard(sb, sa));
        expect(estimate).toBeGreaterThanOrEqual(0);
        expect(estimate).toBeLessThanOrEqual(1);
        // sigma = sqrt(J(1-J)/256) <= 0.03125, so the band is at most 0.148.
        expect(Math.abs(estimate - jaccard)).toBeLessThanOrEqual(tolerance(jaccard, K));
      }),
      { seed: 20240601, numRuns: 200 },
    );
  });

  it('is unbiased, has the binomial spread, and is within 0.1 for the large majority (400 pairs)', () => {
    const pairs = fc.sample(overlappingSets, { seed: 1234, numRuns: 400 });
    let sumError = 0;
    let sumVariance = 0;
    let sumZ2 = 0;
    let informative = 0;
    let within01 = 0;
    for (const { a, b, jaccard } of pairs) {
      const error = estimateJaccard(hasher.sign(a), hasher.sign(b)) - jaccard;
      const variance = (jaccard * (1 - jaccard)) / K;
      sumError += error;
      sumVariance += variance;
      if (variance > 0) {
        sumZ2 += (error * error) / variance;
        informative++;
      }
      if (Math.abs(error) <= 0.1) within01++;
    }
    const n = pairs.length;
    // Bias: the mean error has sd sqrt(Σ var)/n (independent pairs); allow 4.5 of them (≈ 0.007).
    expect(Math.abs(sumError / n)).toBeLessThanOrEqual((4.5 * Math.sqrt(sumVariance)) / n);
    // Spread: mean z² estimates 1 with sd ≈ sqrt(2/n) ≈ 0.07; 4.5 sd allowed. Correlated
    // permutations would inflate it, a broken estimator would too.
    expect(sumZ2 / informative).toBeGreaterThan(1 - 4.5 * Math.sqrt(2 / informative));
    expect(sumZ2 / informative).toBeLessThan(1 + 4.5 * Math.sqrt(2 / informative));
    // |error| <= 0.1 is >= 3.2 sigma at k = 256, so P(miss) <= 0.0014 per pair.
    expect(within01 / n).toBeGreaterThanOrEqual(0.99);
  });

  it('throws ParameterMismatchError saying what differs', () => {
    const s = Uint32Array.of(1, 2, 3);
    const base = createMinHasher({ numPerm: 64, seed: 1 }).sign(s);
    const otherSeed = createMinHasher({ numPerm: 64, seed: 2 }).sign(s);
    const otherK = createMinHasher({ numPerm: 128, seed: 1 }).sign(s);
    expect(() => estimateJaccard(base, otherSeed)).toThrow(ParameterMismatchError);
    expect(() => estimateJaccard(base, otherSeed)).toThrow(/seed 1 vs 2/);
    expect(() => estimateJaccard(base, otherK)).toThrow(/numPerm 64 vs 128/);
    expect(() => estimateJaccard(otherK, otherSeed)).toThrow(/numPerm 128 vs 64, seed 1 vs 2/);
  });
});
