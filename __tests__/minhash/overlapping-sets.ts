/**
 * Test helper (not a test file): pairs of uint32 sets with a controlled overlap
 * and therefore a known exact Jaccard.
 *
 * Draw `sizeA`, `sizeB` in [50, 400] and `shared` in [0, min(sizeA, sizeB)],
 * then `sizeA + sizeB − shared` distinct values `e` — consecutive states of
 * Marsaglia's xorshift32 from a drawn non-zero start, which never repeat within
 * its period 2^32 − 1 (and share nothing with the engine's mix32) — and
 * A = e[0, sizeA),
 * B = e[sizeA − shared, sizeA − shared + sizeB). So |A ∩ B| = shared and
 * J = shared / (sizeA + sizeB − shared).
 */
import fc from 'fast-check';

export interface OverlappingSets {
  readonly a: Uint32Array;
  readonly b: Uint32Array;
  /** Exact Jaccard by construction. */
  readonly jaccard: number;
}

/** Pairs as described above, each set's size drawn from `[minSize, maxSize]`. */
export function overlappingSetsOf(minSize: number, maxSize: number): fc.Arbitrary<OverlappingSets> {
  return fc
    .record({
      sizeA: fc.integer({ min: minSize, max: maxSize }),
      sizeB: fc.integer({ min: minSize, max: maxSize }),
      sharedFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      start: fc.integer({ min: 1, max: 0xffffffff }),
    })
    .map(({ sizeA, sizeB, sharedFraction, start: state0 }) => {
      const shared = Math.round(sharedFraction * Math.min(sizeA, sizeB));
      const values = distinctValues(state0, sizeA + sizeB - shared);
      const start = sizeA - shared;
      return {
        a: Uint32Array.from(values.slice(0, sizeA)),
        b: Uint32Array.from(values.slice(start, start + sizeB)),
        jaccard: shared / (sizeA + sizeB - shared),
      };
    });
}

export const overlappingSets: fc.Arbitrary<OverlappingSets> = overlappingSetsOf(50, 400);

/**
 * Acceptance band for a MinHash estimate with `k` permutations: 4.5 standard
 * deviations of the binomial proportion, `sqrt(J(1 − J)/k)`, plus `2/k` for the
 * discreteness of small counts (at J near 0 or 1 the normal approximation is
 * poor). P(|Z| > 4.5) ≈ 7e−6, so a correct engine fails a 200-run property with
 * probability ≈ 0.1 %, and the fast-check seed is fixed anyway.
 */
export function tolerance(jaccard: number, k: number, sigmas = 4.5): number {
  return sigmas * Math.sqrt((jaccard * (1 - jaccard)) / k) + 2 / k;
}

/** `count` consecutive xorshift32 (13, 17, 5) states after `state`; distinct for count < 2^32. */
export function distinctValues(state: number, count: number): number[] {
  const out: number[] = [];
  let x = state >>> 0 || 1; // 0 is xorshift's fixed point
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.push(x);
  }
  return out;
}
