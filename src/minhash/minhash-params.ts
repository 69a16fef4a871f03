/**
 * The parameters that make a MinHash signature: how many permutations and the
 * seed their keys are derived from. Every signature carries them; signatures
 * (and LSH indexes) made with different parameters are never compared — that
 * is an error, not a wrong number (habit taken from datasketch).
 */

import { OptionsError, ParameterMismatchError } from '../errors';

/** Largest supported number of permutations. */
export const MAX_NUM_PERM = 1024;

/** Parameters of a MinHash family. Resolved copies are frozen. */
export interface MinHashParams {
  /**
   * Number of permutations = signature length. The standard error of an
   * estimate is `sqrt(J(1-J)/numPerm)` (at most 0.044 at 128, 0.031 at 256).
   * @default 128
   */
  readonly numPerm: number;
  /**
   * Seed of the permutation keys; an integer from 0 to 2^32 - 1.
   * @default 1
   */
  readonly seed: number;
  /**
   * How the signature is made: `permutations` (one hash per shingle and
   * position, `createMinHasher`) or `one-permutation` (one hash per shingle,
   * binned and densified, `createOnePermutationHasher`). Values mean different
   * things under each, so signatures of different schemes never compare.
   * @default 'permutations'
   */
  readonly scheme: MinHashScheme;
}

/** How a MinHash signature is computed (see {@link MinHashParams.scheme}). */
export type MinHashScheme = 'permutations' | 'one-permutation';

/**
 * Validate MinHash parameters and return a frozen copy.
 *
 * @throws OptionsError (`num-perm` or `seed`) with a message saying what to use.
 */
export function resolveMinHashParams(params: {
  readonly numPerm: number;
  readonly seed: number;
  readonly scheme?: MinHashScheme;
}): MinHashParams {
  const { numPerm, seed } = params;
  const scheme = params.scheme ?? 'permutations';
  if (!Number.isInteger(numPerm) || numPerm < 1 || numPerm > MAX_NUM_PERM) {
    throw new OptionsError(
      'num-perm',
      `must be an integer from 1 to ${MAX_NUM_PERM}; got ${String(numPerm)}. Use 128 (the default) or 256 for tighter estimates.`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new OptionsError(
      'seed',
      `must be an integer from 0 to 4294967295; got ${String(seed)}. Use the seed the other signatures were made with (default 1).`,
    );
  }
  return Object.freeze({ numPerm, seed, scheme });
}

/**
 * Say how two parameter sets differ (`"numPerm 128 vs 256, seed 1 vs 2"`), or
 * return `null` when they are the same.
 */
export function describeMinHashParamsDifference(a: MinHashParams, b: MinHashParams): string | null {
  const parts: string[] = [];
  if (a.numPerm !== b.numPerm) parts.push(`numPerm ${a.numPerm} vs ${b.numPerm}`);
  if (a.seed !== b.seed) parts.push(`seed ${a.seed} vs ${b.seed}`);
  if (a.scheme !== b.scheme) parts.push(`scheme ${a.scheme} vs ${b.scheme}`);
  return parts.length === 0 ? null : parts.join(', ');
}

/**
 * Throw unless `a` and `b` are the same MinHash parameters.
 *
 * @param what - what is being compared, for the message (e.g. `"estimateJaccard"`).
 * @throws ParameterMismatchError naming every parameter that differs.
 */
export function assertSameMinHashParams(what: string, a: MinHashParams, b: MinHashParams): void {
  const difference = describeMinHashParamsDifference(a, b);
  if (difference !== null) {
    throw new ParameterMismatchError(
      `${what}: MinHash parameters differ (${difference}); sign both sides with the same --num-perm and --seed`,
    );
  }
}
