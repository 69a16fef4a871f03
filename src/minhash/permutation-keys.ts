/**
 * The keys `a_i` of the permutation family `h_i(x) = mix32(x ^ a_i)`.
 *
 * Keys come from a splitmix-style generator: a Weyl sequence
 * `state + i * 0x9e3779b9 (mod 2^32)` passed through the MurmurHash3 finaliser
 * `mix32`, with `state = mix32(seed ^ 0x5851f42d)`. The golden-ratio step is odd,
 * so the first 2^32 states are distinct, and `mix32` is a bijection, so the keys
 * of one seed are pairwise distinct: no two permutations coincide. Starting from
 * a mixed seed keeps the key streams of nearby seeds (0, 1, 2, …) unrelated.
 */

import { mix32 } from '../shingle/hash';
import type { MinHashParams } from './minhash-params';

const GOLDEN = 0x9e3779b9;
const SEED_SALT = 0x5851f42d;

/**
 * Derive the `numPerm` permutation keys of `params`; deterministic across runs
 * and platforms (only 32-bit integer arithmetic).
 */
export function derivePermutationKeys(params: Pick<MinHashParams, 'numPerm' | 'seed'>): Uint32Array {
  const keys = new Uint32Array(params.numPerm);
  const state = mix32((params.seed ^ SEED_SALT) >>> 0);
  for (let i = 0; i < keys.length; i++) {
    keys[i] = mix32((state + Math.imul(i + 1, GOLDEN)) >>> 0);
  }
  return keys;
}
