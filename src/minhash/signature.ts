/**
 * MinHash signatures as branded types: a {@link Signature} or a
 * {@link SignatureBlock} can only be made by a signer from `create-min-hasher`,
 * so holding one means its values were computed with the parameters it carries.
 */

import { InternalError } from '../errors';
import type { MinHashParams } from './minhash-params';

declare const signatureBrand: unique symbol;
declare const signatureBlockBrand: unique symbol;

/** Value of every position of the signature of an empty set. */
export const EMPTY_MIN = 0xffffffff;

/**
 * The MinHash signature of one set of shingles.
 *
 * `values[i]` is the minimum of permutation `i` over the set (`0xFFFFFFFF` at
 * every position for an empty set). Treat `values` as read-only: it may be a view
 * into a {@link SignatureBlock}.
 */
export interface Signature {
  readonly values: Uint32Array;
  readonly params: MinHashParams;
  readonly [signatureBrand]: true;
}

/**
 * Signatures of many passages in one flat buffer, for signing a corpus without
 * an allocation per passage: slot `s` occupies
 * `values[s * numPerm, (s + 1) * numPerm)`. Made by `MinHasher.createBlock`,
 * filled by `MinHasher.signInto`, read with {@link viewSignature}.
 */
export interface SignatureBlock {
  readonly values: Uint32Array;
  /** Number of slots. */
  readonly count: number;
  readonly params: MinHashParams;
  readonly [signatureBlockBrand]: true;
}

/** @internal Brand `values` as a signature; only the signer and {@link viewSignature} call it. */
export function brandSignature(values: Uint32Array, params: MinHashParams): Signature {
  return Object.freeze({ values, params }) as unknown as Signature;
}

/** @internal Brand a flat buffer as a block; only the signer calls it. */
export function brandSignatureBlock(values: Uint32Array, count: number, params: MinHashParams): SignatureBlock {
  return Object.freeze({ values, count, params }) as unknown as SignatureBlock;
}

/**
 * The signature in slot `slot` of `block`, as a view (no copy): it changes if
 * the slot is signed again.
 *
 * @throws InternalError when `slot` is not an integer in `[0, block.count)`.
 */
export function viewSignature(block: SignatureBlock, slot: number): Signature {
  if (!Number.isInteger(slot) || slot < 0 || slot >= block.count) {
    throw new InternalError(`viewSignature: slot ${String(slot)} is outside [0, ${block.count})`);
  }
  const k = block.params.numPerm;
  return brandSignature(block.values.subarray(slot * k, slot * k + k), block.params);
}
