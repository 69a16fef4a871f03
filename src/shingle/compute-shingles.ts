/**
 * Word shingles as 32-bit hashes.
 *
 * A shingle is a run of `size` consecutive tokens (Broder 1997, "On the
 * resemblance and containment of documents"). Tokens arrive already hashed
 * (`tokenHashes`, one uint32 per normalised token), so a shingle's hash is the
 * order-dependent fold of its token hashes with {@link combine32}, started from
 * {@link SHINGLE_HASH_START}. No strings are built and nothing is allocated per
 * shingle; each shingle is hashed exactly once.
 */

import { InternalError, OptionsError } from '../errors';
import { combine32 } from './hash';

/**
 * Start value of every shingle hash: `shingle = fold(combine32, SHINGLE_HASH_START, tokens)`.
 * Part of the on-disk meaning of a signature: changing it changes every shingle.
 */
export const SHINGLE_HASH_START = 0x3c6ef372;

/**
 * How many shingles {@link computeShingles} yields for `tokenCount` tokens.
 *
 * `tokenCount - size + 1` when there are at least `size` tokens, `1` for
 * `1 <= tokenCount < size` (one short shingle of what there is), `0` for none.
 * Use it to preallocate the `out` buffer.
 */
export function countShingles(tokenCount: number, size: number): number {
  if (tokenCount <= 0) return 0;
  return tokenCount < size ? 1 : tokenCount - size + 1;
}

/**
 * Hash every run of `size` consecutive tokens in `tokenHashes[from, to)`.
 *
 * Shingle `i` covers tokens `[from + i, from + i + size)`; equal token runs give
 * equal hashes wherever they occur, and the hash depends on token order. A range
 * of fewer than `size` tokens (but at least one) gives one shingle over all of
 * them; an empty range gives an empty array. Duplicates are kept: MinHash treats
 * its input as a set anyway.
 *
 * @param tokenHashes - uint32 hash of each normalised token of a document.
 * @param from - first token of the passage (inclusive).
 * @param to - end of the passage (exclusive); `from <= to <= tokenHashes.length`.
 * @param size - shingle size in tokens, an integer from 1 to 64.
 * @param out - optional buffer to write into (length at least
 *   {@link countShingles}`(to - from, size)`); lets a caller reuse one buffer for
 *   many passages.
 * @returns the shingle hashes: a view of `out` when given, else a new array.
 * @throws OptionsError when `size` is not an integer from 1 to 64.
 * @throws InternalError when the range or `out` does not fit (a caller bug).
 */
export function computeShingles(
  tokenHashes: Uint32Array,
  from: number,
  to: number,
  size: number,
  out?: Uint32Array,
): Uint32Array {
  if (!Number.isInteger(size) || size < 1 || size > 64) {
    throw new OptionsError('shingle-size', `must be an integer from 1 to 64; got ${String(size)}. Use 5 for news text.`);
  }
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > tokenHashes.length) {
    throw new InternalError(
      `computeShingles: token range [${String(from)}, ${String(to)}) is outside [0, ${tokenHashes.length})`,
    );
  }
  const count = countShingles(to - from, size);
  let result: Uint32Array;
  if (out === undefined) {
    result = new Uint32Array(count);
  } else {
    if (out.length < count) {
      throw new InternalError(`computeShingles: out has room for ${out.length} shingles, ${count} needed`);
    }
    result = out.subarray(0, count);
  }
  const width = Math.min(size, to - from);
  for (let i = 0; i < count; i++) {
    const start = from + i;
    const end = start + width;
    let h = SHINGLE_HASH_START;
    for (let t = start; t < end; t++) {
      // `t < to <= tokenHashes.length`, so the read is in bounds.
      h = combine32(h, tokenHashes[t]!);
    }
    result[i] = h;
  }
  return result;
}

/**
 * The shingles of `tokenHashes[from, to)` (as {@link computeShingles}) that
 * cover no token marked 1 in `mask` — boilerplate, for example, so that two
 * windows sharing only a footer do not look alike. The shingles are in
 * position order; a range with no marked token gives exactly
 * `computeShingles(tokenHashes, from, to, size)`.
 *
 * @throws OptionsError / InternalError as {@link computeShingles}, and
 *   InternalError when `mask` is shorter than `tokenHashes`.
 */
export function computeUnmarkedShingles(
  tokenHashes: Uint32Array,
  from: number,
  to: number,
  size: number,
  mask: Uint8Array,
): Uint32Array {
  if (mask.length < tokenHashes.length) {
    throw new InternalError(`computeUnmarkedShingles: mask covers ${mask.length} of ${tokenHashes.length} tokens`);
  }
  const all = computeShingles(tokenHashes, from, to, size);
  const width = Math.min(size, to - from);
  let n = 0;
  // `clearFrom`: the first shingle start after the last marked token seen.
  let clearFrom = from;
  for (let i = 0; i < all.length; i++) {
    const start = from + i;
    // Every token of shingle i up to its last, start + width − 1, has been looked at.
    const last = start + width - 1;
    for (let t = Math.max(start, clearFrom); t <= last; t++) if (mask[t] === 1) clearFrom = t + 1;
    if (start >= clearFrom) all[n++] = all[i]!;
  }
  return all.subarray(0, n);
}
