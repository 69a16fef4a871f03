/**
 * b-bit minwise hashing with b = 16 (Li & König 2010): only the low 16 bits
 * of each signature value are kept, and two signatures are compared by the
 * share of positions whose low bits agree. Two different minima agree in
 * their low 16 bits with probability 2^−16, so the estimate is biased
 * upwards by under 2^−16 · (1 − J). The scan's candidate collector and the
 * index both keep signatures this way and estimate with {@link lowBitsAgreement}.
 */

/** The low 16 bits of every signature value. */
export function lowBits(signatures: Uint32Array): Uint16Array {
  const out = new Uint16Array(signatures.length);
  lowBitsInto(signatures, out, 0);
  return out;
}

/** Write the low 16 bits of every value of `signatures` to `out` from `offset`. */
export function lowBitsInto(signatures: Uint32Array, out: Uint16Array, offset: number): void {
  for (let i = 0; i < signatures.length; i++) out[offset + i] = signatures[i]! & 0xffff;
}

/**
 * The estimated Jaccard of two 16-bit signatures of `k` values, at `a[from]`
 * and `b[from]`: the share of positions that agree.
 */
export function lowBitsAgreement(a: Uint16Array, aFrom: number, b: Uint16Array, bFrom: number, k: number): number {
  let equal = 0;
  for (let i = 0; i < k; i++) if (a[aFrom + i] === b[bFrom + i]) equal++;
  return equal / k;
}
