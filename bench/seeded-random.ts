/**
 * A small seeded pseudo-random generator for the benchmarks (never
 * `Math.random`): sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * from PractRand; public domain), 128 bits of state seeded through splitmix32.
 * The same stream on every machine and Node version.
 *
 * Not mulberry32: its 32-bit state walks one cycle, so two streams forked from
 * different seeds are often the same stream shifted by a few hundred draws —
 * in a corpus of 10,000 articles that made a few dozen unrelated articles
 * share whole sentence skeletons.
 */

/** A seeded random stream with the draws the corpus generator needs. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  between(lo: number, hi: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /**
   * An index in [0, n) with Zipf-like weight ∝ 1 / (rank + 1)^s, by inverse
   * transform of the continuous approximation (exact enough for word frequencies).
   */
  zipf(n: number, s?: number): number;
  /** An independent stream derived from this one (for reproducible sub-tasks). */
  fork(): SeededRandom;
}

/** A {@link SeededRandom} starting from `seed` (any 32-bit integer). */
export function createSeededRandom(seed: number): SeededRandom {
  let s = seed >>> 0;
  const splitmix32 = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return fromState(splitmix32(), splitmix32(), splitmix32(), splitmix32());
}

/** sfc32 from four 32-bit words of state. */
function fromState(a: number, b: number, c: number, d: number): SeededRandom {
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs, as sfc32's author recommends.
  for (let i = 0; i < 12; i++) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  const random: SeededRandom = {
    next,
    int: (n) => Math.floor(next() * n),
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    zipf(n, s = 1) {
      const u = next();
      if (s === 1) return Math.min(n - 1, Math.floor(Math.pow(n + 1, u)) - 1);
      // Inverse CDF of the density x^-s on [1, n + 1).
      const a = 1 - s;
      const x = Math.pow(1 + u * (Math.pow(n + 1, a) - 1), 1 / a);
      return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
    },
    fork: () => fromState(nextUint32(), nextUint32(), nextUint32(), nextUint32()),
  };
  return random;
}
