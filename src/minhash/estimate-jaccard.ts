/**
 * The MinHash estimate of Jaccard similarity (Broder 1997; Leskovec, Rajaraman
 * & Ullman, *Mining of Massive Datasets*, ch. 3.3): the fraction of positions at
 * which two signatures agree.
 */

import { assertSameMinHashParams } from './minhash-params';
import { EMPTY_MIN, type Signature } from './signature';

/**
 * Estimate `|A ∩ B| / |A ∪ B|` from the signatures of `A` and `B`.
 *
 * Symmetric, in `[0, 1]`, `1` for equal non-empty sets; standard error
 * `sqrt(J(1 − J)/numPerm)`. Two signatures of empty sets give `0`, matching
 * `exactJaccard` (both are all-`0xFFFFFFFF`, which a non-empty set yields with
 * probability 2^(−32·numPerm)).
 *
 * @throws ParameterMismatchError when the signatures were made with different
 *   `numPerm` or `seed`; the message names what differs.
 */
export function estimateJaccard(a: Signature, b: Signature): number {
  assertSameMinHashParams('estimateJaccard', a.params, b.params);
  const va = a.values;
  const vb = b.values;
  const k = va.length;
  let equal = 0;
  for (let i = 0; i < k; i++) {
    if (va[i] === vb[i]) equal++;
  }
  if (equal === k && isEmptySetSignature(va)) return 0;
  return equal / k;
}

function isEmptySetSignature(values: Uint32Array): boolean {
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== EMPTY_MIN) return false;
  }
  return true;
}
