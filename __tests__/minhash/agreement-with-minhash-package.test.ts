/**
 * Cross-check against the `minhash` npm package (0.0.9): on the same sets (fed to
 * it as decimal strings, since it hashes strings), both engines estimate the
 * exact Jaccard within tolerance and agree with each other.
 */
import fc from 'fast-check';
import { Minhash } from 'minhash';
import { createMinHasher } from '../../src/minhash/create-min-hasher';
import { estimateJaccard } from '../../src/minhash/estimate-jaccard';
import { overlappingSets, tolerance } from './overlapping-sets';

const K = 256;

function packageEstimate(a: Uint32Array, b: Uint32Array): number {
  // Same numPerm and seed on both sides, or its jaccard() throws.
  const ma = new Minhash({ numPerm: K, seed: 1 });
  const mb = new Minhash({ numPerm: K, seed: 1 });
  for (const x of a) ma.update(String(x));
  for (const x of b) mb.update(String(x));
  return ma.jaccard(mb);
}

describe('agreement with the minhash npm package', () => {
  it('both estimates are within 4.5 sigma of the exact Jaccard and of each other (k = 256)', () => {
    const ours = createMinHasher({ numPerm: K, seed: 1 });
    const pairs = fc.sample(overlappingSets, { seed: 99, numRuns: 30 });
    for (const { a, b, jaccard } of pairs) {
      const mine = estimateJaccard(ours.sign(a), ours.sign(b));
      const theirs = packageEstimate(a, b);
      expect(Math.abs(mine - jaccard)).toBeLessThanOrEqual(tolerance(jaccard, K));
      expect(Math.abs(theirs - jaccard)).toBeLessThanOrEqual(tolerance(jaccard, K));
      // Two independent estimates: the difference has sd sqrt(2)·sigma.
      expect(Math.abs(mine - theirs)).toBeLessThanOrEqual(
        4.5 * Math.SQRT2 * Math.sqrt((jaccard * (1 - jaccard)) / K) + 4 / K,
      );
    }
  });

  it('agrees exactly at the ends: disjoint sets give 0, identical sets 1', () => {
    const ours = createMinHasher({ numPerm: K, seed: 1 });
    const a = Uint32Array.from({ length: 100 }, (_, i) => i);
    const b = Uint32Array.from({ length: 100 }, (_, i) => i + 1000);
    expect(estimateJaccard(ours.sign(a), ours.sign(b))).toBe(0);
    expect(packageEstimate(a, b)).toBe(0);
    expect(estimateJaccard(ours.sign(a), ours.sign(a))).toBe(1);
    expect(packageEstimate(a, a)).toBe(1);
  });
});
