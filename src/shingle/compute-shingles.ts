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
import { COMBINE_ADD, COMBINE_SALT, combine32, mix32 } from './hash';

const imul = Math.imul;

/**
 * Scratch for {@link computeShingles}: `mix32(hash + COMBINE_SALT)` of each
 * token of the range, grown on demand and reused (one per thread; the function
 * does not re-enter).
 */
let premixed = new Uint32Array(1024);

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
  // combine32(h, v) = imul(rotl(h ^ mix32(v + SALT), 13), 5) + ADD: the mix of a
  // token does not depend on h, so each token is mixed once, not `size` times.
  // Four shingles are folded side by side (independent chains keep the CPU busy);
  // the constants are read into locals once (module bindings are property loads).
  const span = to - from;
  if (premixed.length < span) premixed = new Uint32Array(Math.max(span, 2 * premixed.length));
  const mixed = premixed;
  const salt = COMBINE_SALT;
  const add = COMBINE_ADD | 0;
  const start = SHINGLE_HASH_START;
  for (let t = 0; t < span; t++) mixed[t] = mix32(tokenHashes[from + t]! + salt);
  let i = 0;
  for (; i + 3 < count; i += 4) {
    let h0 = start;
    let h1 = start;
    let h2 = start;
    let h3 = start;
    for (let t = i, end = i + width; t < end; t++) {
      h0 ^= mixed[t]!;
      h1 ^= mixed[t + 1]!;
      h2 ^= mixed[t + 2]!;
      h3 ^= mixed[t + 3]!;
      h0 = (imul((h0 << 13) | (h0 >>> 19), 5) + add) | 0;
      h1 = (imul((h1 << 13) | (h1 >>> 19), 5) + add) | 0;
      h2 = (imul((h2 << 13) | (h2 >>> 19), 5) + add) | 0;
      h3 = (imul((h3 << 13) | (h3 >>> 19), 5) + add) | 0;
    }
    result[i] = h0;
    result[i + 1] = h1;
    result[i + 2] = h2;
    result[i + 3] = h3;
  }
  for (; i < count; i++) {
    let h = start;
    for (let t = i, end = i + width; t < end; t++) {
      h ^= mixed[t]!;
      h = (imul((h << 13) | (h >>> 19), 5) + add) | 0;
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
