/**
 * Exact Jaccard similarity of two sets of 32-bit shingle hashes: the ground
 * truth that MinHash estimates (Broder 1997). Meant for tests, benchmarks and
 * re-checking candidates, not for hot loops: it copies and sorts both inputs.
 */

/**
 * `|A ∩ B| / |A ∪ B|` over the *sets* of values in `a` and `b` (duplicates
 * count once).
 *
 * Defined as `0` when both are empty (no shared shingle means no evidence of
 * reuse), which is also what {@link estimateJaccard} returns for two signatures
 * of empty sets. Runs in O(n log n) and allocates two sorted copies.
 */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = Uint32Array.from(a).sort();
  const sb = Uint32Array.from(b).sort();
  let i = 0;
  let j = 0;
  let shared = 0;
  let union = 0;
  while (i < sa.length || j < sb.length) {
    const x = i < sa.length ? sa[i]! : Infinity;
    const y = j < sb.length ? sb[j]! : Infinity;
    const v = x <= y ? x : y;
    if (x === v && y === v) shared++;
    union++;
    // Skip every copy of v on both sides.
    while (i < sa.length && sa[i] === v) i++;
    while (j < sb.length && sb[j] === v) j++;
  }
  return union === 0 ? 0 : shared / union;
}
