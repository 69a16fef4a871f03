/**
 * One-permutation MinHash with optimal densification (Li, Owen & Zhang 2012,
 * "One permutation hashing"; Shrivastava 2017, "Optimal densification for fast
 * and accurate minwise hashing").
 *
 * `createMinHasher` hashes every shingle `numPerm` times; for passage windows
 * that overlap, that was half of a scan's time (10k synthetic articles: 4.4 s
 * of 9.4 s on one thread). Here each shingle is hashed once, `h = mix32(x ^ key)`;
 * the top of `h` chooses one of `numPerm` equal bins and the bin keeps its
 * smallest `h`. Two sets agree in a bin that is non-empty for both exactly when
 * the smallest element of the union in that bin is shared, so, as with
 * permutations, `Pr[agree] = J` for such bins.
 *
 * A small set leaves bins empty (a 40-shingle window fills about 27 % of 128).
 * Densification fills each empty bin `i` from a non-empty one chosen by a fixed
 * probe sequence `j = probe(i, attempt)` (independent of the set), trying until
 * it hits a bin the set filled itself. Two sets whose bins `i` are both empty
 * borrow from the same `j` whenever `j` is non-empty in both, so agreement in a
 * borrowed bin again has probability `J`: the estimate stays unbiased and its
 * variance is close to that of `numPerm` independent permutations (Shrivastava
 * 2017, Theorem 3). Cost per set: one hash per shingle plus the probes,
 * instead of `numPerm` hashes per shingle.
 *
 * Values in bin `i` lie in `[i·2^32/numPerm, (i+1)·2^32/numPerm)` (borrowed
 * ones come from elsewhere); their low bits are still uniform, so the 16-bit
 * estimates of `find-candidates.ts` apply unchanged.
 */

import { mix32 } from '../shingle/hash';
import { hasherOver, type MinHasher } from './create-min-hasher';
import { resolveMinHashParams } from './minhash-params';
import { derivePermutationKeys } from './permutation-keys';
import { EMPTY_MIN } from './signature';

const TWO_32 = 4294967296;
/** Salt of the probe sequence's hash (any fixed odd constant). */
const PROBE_SALT = 0x27d4eb2f;

/**
 * Create a one-permutation MinHash signer. Its signatures carry
 * `scheme: 'one-permutation'` and never compare with `createMinHasher`'s.
 *
 * @param params - as {@link createMinHasher}: `numPerm` bins (1 to 1024), `seed`.
 * @throws OptionsError (`num-perm`, `seed`) when a parameter is out of range.
 */
export function createOnePermutationHasher(params: { readonly numPerm: number; readonly seed: number }): MinHasher {
  const resolved = resolveMinHashParams({ numPerm: params.numPerm, seed: params.seed, scheme: 'one-permutation' });
  const [key = 0, probeKey = 0] = derivePermutationKeys({ numPerm: 2, seed: resolved.seed });
  const k = resolved.numPerm;
  const filled = new Uint8Array(k);
  return hasherOver(resolved, (shingles, out, offset) => {
    out.fill(EMPTY_MIN, offset, offset + k);
    const n = shingles.length;
    for (let s = 0; s < n; s++) {
      const h = mix32(shingles[s]! ^ key);
      const at = offset + Math.floor((h / TWO_32) * k);
      if (h < out[at]!) out[at] = h;
    }
    densify(out, offset, k, probeKey, filled);
  });
}

/**
 * Fill every empty bin of `out[offset, offset + k)` from the first bin of its
 * probe sequence that the set filled itself. A set with no element stays empty.
 */
function densify(out: Uint32Array, offset: number, k: number, probeKey: number, filled: Uint8Array): void {
  let any = false;
  for (let i = 0; i < k; i++) {
    const f = out[offset + i] !== EMPTY_MIN ? 1 : 0;
    filled[i] = f;
    if (f === 1) any = true;
  }
  if (!any) return;
  for (let i = 0; i < k; i++) {
    if (filled[i] === 1) continue;
    for (let attempt = 1; ; attempt++) {
      const j = Math.floor((mix32((Math.imul(i, PROBE_SALT) + attempt) ^ probeKey) / TWO_32) * k);
      if (filled[j] === 1) {
        out[offset + i] = out[offset + j]!;
        break;
      }
    }
  }
}
