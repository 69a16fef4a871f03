/**
 * The MinHash signer (Broder 1997, "On the resemblance and containment of
 * documents"; Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*,
 * ch. 3.3): for a random permutation `π` of the universe,
 * `Pr[min π(A) = min π(B)] = |A ∩ B| / |A ∪ B|`, so the fraction of agreeing
 * positions over `numPerm` independent permutations estimates the Jaccard
 * similarity.
 *
 * ## The permutation family: `h_i(x) = mix32(x ^ a_i)`
 *
 * The universe is the uint32 shingle hashes; `a_i` are per-seed keys
 * (`permutation-keys.ts`), `mix32` is MurmurHash3's finaliser.
 *
 * 1. *Each `h_i` is a true permutation of uint32.* XOR with a constant is a
 *    bijection, and so is `mix32` (xor-shifts and multiplications by odd
 *    constants are invertible mod 2^32). Hence `h_i(x) = h_i(y)` only when
 *    `x = y`: two signatures agree at position `i` exactly when the same element
 *    is the minimum of both sets, i.e. when the minimum over `A ∪ B` lies in
 *    `A ∩ B`. There are no ties and no spurious agreements that would bias the
 *    estimate upwards (as with families that reduce `(a·x + b) mod p` and then
 *    truncate to 32 bits, several inputs per output; or with the `minhash` npm
 *    package, which computes `a·x` — up to 2^65 — in doubles and loses its low
 *    bits).
 * 2. *The minimum falls on a uniformly random element.* Over a random key, each
 *    `x ^ a_i` is uniform on uint32 and, `mix32` being a bijection, so is its
 *    image; `mix32` has full avalanche (every input bit flips every output bit
 *    with probability ≈ 1/2), so the images of distinct elements behave as
 *    independent uniforms and each element of `A ∪ B` is equally likely to be the
 *    minimum. Then `E[agree_i] = J` and the estimate, a mean of `numPerm` such
 *    indicators, is unbiased with variance `J(1 − J)/numPerm`.
 *
 * `mix32` is a fixed, well-mixed function rather than a truly random permutation,
 * so (2) is the usual hashing idealisation; the property tests measure the bias
 * (the mean error over hundreds of random pairs is within a few standard errors
 * of 0) and the spread. The linear family `(a_i·x + b_i) mod 2^32` is also a
 * bijection but its low output bits depend only on low input bits and linear
 * families are not min-wise independent in the worst case (Broder, Charikar,
 * Frieze & Mitzenmacher 2000); in V8 it is not measurably faster here (the loop
 * is bound by loads and compares), so nothing would be gained.
 *
 * ## The hot loop
 *
 * Shingles are hashed once, upstream (`computeShingles`). Where the engine has
 * WebAssembly SIMD (Node ≥ 16.4), `simd-minima.ts` computes the same values four
 * permutations per instruction (about 10 times faster); otherwise the loop
 * below, in plain JavaScript, runs over the
 * shingles four at a time (outer) and over the permutations (inner), keeping the
 * running minimum of a position in a local while four candidates are compared,
 * so each signature slot is loaded and stored once per four shingles. All values
 * are uint32 (`>>> 0` in `mix32`), so comparisons never mix signs. Nothing is
 * allocated per shingle; {@link MinHasher.signInto} allocates nothing at all.
 */

import { InternalError } from '../errors';
import { mix32 } from '../shingle/hash';
import { assertSameMinHashParams, resolveMinHashParams, type MinHashParams } from './minhash-params';
import { derivePermutationKeys } from './permutation-keys';
import { createSimdMinima } from './simd-minima';
import {
  EMPTY_MIN,
  brandSignature,
  brandSignatureBlock,
  type Signature,
  type SignatureBlock,
} from './signature';

/** A MinHash signer for one parameter set. Stateless after creation; safe to share. */
export interface MinHasher {
  /** The (frozen) parameters every signature of this signer carries. */
  readonly params: MinHashParams;
  /**
   * Sign a set of shingle hashes (duplicates are harmless). Allocates the
   * `numPerm`-long result; an empty set gives `0xFFFFFFFF` at every position.
   */
  sign(shingles: Uint32Array): Signature;
  /**
   * A block of `count` empty signatures in one flat `Uint32Array`
   * (`count * numPerm` values) to fill with {@link MinHasher.signInto}.
   *
   * @throws InternalError when `count` is not a non-negative integer.
   */
  createBlock(count: number): SignatureBlock;
  /**
   * Sign `shingles` into slot `slot` of `block`, overwriting what was there,
   * without allocating. Read it back with `viewSignature(block, slot)`.
   *
   * @throws ParameterMismatchError when the block was made with other parameters.
   * @throws InternalError when `slot` is outside `[0, block.count)`.
   */
  signInto(block: SignatureBlock, slot: number, shingles: Uint32Array): void;
  /**
   * Sign unions of pieces without allocating: `shingles` holds the pieces
   * end to end (piece `p` ends at `pieceEnds[p]`, and starts where the one
   * before ends), and window `w` is the union of pieces
   * `[ranges[2w], ranges[2w + 1])`; its signature goes to slot `w` of
   * `block`. Exactly the signature of each union signed whole; with
   * permutations, each piece is signed once and a window takes the minimum
   * of its pieces' signatures.
   *
   * @throws ParameterMismatchError when the block was made with other parameters.
   * @throws InternalError when the block has fewer slots than windows.
   */
  signUnions(block: SignatureBlock, shingles: Uint32Array, pieceEnds: Uint32Array, ranges: Uint32Array): void;
  /**
   * A block over `values`, signatures this signer's parameters made elsewhere
   * (another thread: branding does not survive `postMessage`). No copy.
   *
   * @throws InternalError when the length is not a multiple of `numPerm`.
   */
  wrapBlock(values: Uint32Array): SignatureBlock;
}

/**
 * Create a MinHash signer.
 *
 * @param params - `numPerm`: an integer from 1 to 1024 (128 is the usual
 *   choice); `seed`: an integer from 0 to 2^32 − 1. Signatures are only
 *   comparable when both are equal.
 * @throws OptionsError (`num-perm`, `seed`) when a parameter is out of range.
 */
export function createMinHasher(params: { readonly numPerm: number; readonly seed: number }): MinHasher {
  const resolved = resolveMinHashParams({ numPerm: params.numPerm, seed: params.seed, scheme: 'permutations' });
  const keys = derivePermutationKeys(resolved);
  const simd = createSimdMinima(keys);
  if (simd !== null) return hasherOver(resolved, simd.fill, simd.unions);
  const fill: Fill = (shingles, out, offset) => fillMinima(shingles, keys, out, offset);
  return hasherOver(resolved, fill, minOfPieces(fill, resolved.numPerm));
}

/** How a signer signs unions of pieces into `out` from `offset`, window after window (see {@link MinHasher.signUnions}). */
export type UnionsSigner = (shingles: Uint32Array, pieceEnds: Uint32Array, ranges: Uint32Array, out: Uint32Array, offset: number) => void;

/** A signer's fill: `min over x in shingles` of each permutation, to `out[offset, offset + numPerm)`. */
type Fill = (shingles: Uint32Array, out: Uint32Array, offset: number) => void;

/** @internal Unions' signatures as minima of their pieces' signatures (each piece signed once by `fill`): the scalar path of `signUnions`. */
export function minOfPieces(fill: Fill, k: number): UnionsSigner {
  return (shingles, pieceEnds, ranges, out, offset) => {
    const pieces = new Uint32Array(pieceEnds.length * k);
    for (let p = 0, start = 0; p < pieceEnds.length; p++) {
      fill(shingles.subarray(start, pieceEnds[p]!), pieces, p * k);
      start = pieceEnds[p]!;
    }
    for (let w = 0; w < ranges.length >>> 1; w++) {
      const at = offset + w * k;
      out.fill(EMPTY_MIN, at, at + k);
      for (let p = ranges[2 * w]!; p < ranges[2 * w + 1]!; p++) {
        for (let i = 0, from = p * k; i < k; i++) if (pieces[from + i]! < out[at + i]!) out[at + i] = pieces[from + i]!;
      }
    }
  };
}

/** @internal Unions' signatures, each union's shingles gathered and signed whole (any scheme: the one-permutation signer's `signUnions`). */
export function signGathered(fill: Fill, k: number): UnionsSigner {
  return (shingles, pieceEnds, ranges, out, offset) => {
    const startOf = (p: number): number => (p === 0 ? 0 : pieceEnds[p - 1]!);
    for (let w = 0; w < ranges.length >>> 1; w++) {
      const [first, last] = [ranges[2 * w]!, ranges[2 * w + 1]!];
      fill(first < last ? shingles.subarray(startOf(first), startOf(last)) : new Uint32Array(0), out, offset + w * k);
    }
  };
}

/**
 * @internal The {@link MinHasher} of a scheme, given how it writes one
 * signature: `fill(shingles, out, offset)` overwrites `out[offset, offset + numPerm)`.
 */
export function hasherOver(
  resolved: MinHashParams,
  fill: Fill,
  unions: UnionsSigner = signGathered(fill, resolved.numPerm),
): MinHasher {
  const k = resolved.numPerm;
  return Object.freeze({
    params: resolved,
    sign(shingles: Uint32Array): Signature {
      const values = new Uint32Array(k);
      fill(shingles, values, 0);
      return brandSignature(values, resolved);
    },
    createBlock(count: number): SignatureBlock {
      if (!Number.isInteger(count) || count < 0) {
        throw new InternalError(`createBlock: count must be a non-negative integer; got ${String(count)}`);
      }
      const values = new Uint32Array(count * k);
      values.fill(EMPTY_MIN);
      return brandSignatureBlock(values, count, resolved);
    },
    signInto(block: SignatureBlock, slot: number, shingles: Uint32Array): void {
      assertSameMinHashParams('signInto', resolved, block.params);
      if (!Number.isInteger(slot) || slot < 0 || slot >= block.count) {
        throw new InternalError(`signInto: slot ${String(slot)} is outside [0, ${block.count})`);
      }
      fill(shingles, block.values, slot * k);
    },
    signUnions(block: SignatureBlock, shingles: Uint32Array, pieceEnds: Uint32Array, ranges: Uint32Array): void {
      assertSameMinHashParams('signUnions', resolved, block.params);
      if (ranges.length >>> 1 > block.count) throw new InternalError(`signUnions: ${ranges.length >>> 1} windows for a block of ${block.count}`);
      unions(shingles, pieceEnds, ranges, block.values, 0);
    },
    wrapBlock(values: Uint32Array): SignatureBlock {
      if (values.length % k !== 0) {
        throw new InternalError(`wrapBlock: ${values.length} values are not whole signatures of ${k}`);
      }
      return brandSignatureBlock(values, values.length / k, resolved);
    },
  });
}

/**
 * Write `min over x in shingles of mix32(x ^ keys[i])` to `out[offset + i]` for
 * every permutation `i` (`EMPTY_MIN` when `shingles` is empty).
 */
function fillMinima(shingles: Uint32Array, keys: Uint32Array, out: Uint32Array, offset: number): void {
  const k = keys.length;
  const end = offset + k;
  out.fill(EMPTY_MIN, offset, end);
  const n = shingles.length;
  let s = 0;
  for (; s + 3 < n; s += 4) {
    const x0 = shingles[s]!;
    const x1 = shingles[s + 1]!;
    const x2 = shingles[s + 2]!;
    const x3 = shingles[s + 3]!;
    for (let i = 0; i < k; i++) {
      const a = keys[i]!;
      let m = out[offset + i]!;
      const h0 = mix32(x0 ^ a);
      const h1 = mix32(x1 ^ a);
      const h2 = mix32(x2 ^ a);
      const h3 = mix32(x3 ^ a);
      if (h0 < m) m = h0;
      if (h1 < m) m = h1;
      if (h2 < m) m = h2;
      if (h3 < m) m = h3;
      out[offset + i] = m;
    }
  }
  for (; s < n; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < k; i++) {
      const h = mix32(x ^ keys[i]!);
      if (h < out[offset + i]!) out[offset + i] = h;
    }
  }
}
