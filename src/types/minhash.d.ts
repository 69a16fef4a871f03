/**
 * Minimal types for the `minhash` npm package (0.0.9, CommonJS, untyped), used
 * only by tests and benchmarks as a reference implementation.
 */
declare module 'minhash' {
  /** Options of `new Minhash()`; a falsy `seed` becomes 1, a falsy `numPerm` 128. */
  export interface MinhashConfig {
    numPerm?: number;
    seed?: number;
  }
  export class Minhash {
    constructor(config?: MinhashConfig);
    readonly numPerm: number;
    /** Current generator state (advanced by every random draw), not the seed passed in. */
    readonly seed: number;
    /** The signature: one double per permutation, initialised to 2^32 − 1. */
    readonly hashvalues: number[];
    /** Add one string to the set. */
    update(str: string): void;
    /** Fraction of equal positions; throws on differing lengths or seeds. */
    jaccard(other: Minhash): number;
  }
  export interface LshIndexConfig {
    /** Rows per band. @default 4 */
    bandSize?: number;
  }
  export class LshIndex {
    constructor(config?: LshIndexConfig);
    insert(key: string, minhash: Minhash): void;
    /** Keys sharing a band; throws a TypeError when a band was never inserted. */
    query(minhash: Minhash): string[];
  }
}
