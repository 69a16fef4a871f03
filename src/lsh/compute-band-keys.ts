/**
 * Band keys (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*,
 * ch. 3.4.1): band `j` of a signature is its values
 * `[j·rows, (j+1)·rows)`; two signatures land in the same bucket of band `j`
 * when those values are all equal. A bucket is named by a 64-bit key made of two
 * independent 32-bit folds of the band's values with `combine32`, so that
 * distinct bands share a bucket only with probability ≈ 2^−64 (a single 32-bit
 * key would merge ≈ n²/2^33 unrelated pairs per band: a few per band at
 * 100 000 passages).
 */

import { combine32 } from '../shingle/hash';

const KEY1_START = 0x6a09e667;
const KEY2_START = 0xbb67ae85;
/** Values are xored with this before the second fold, so its inner `mix32` sees other inputs. */
const KEY2_SALT = 0x510e527f;

/**
 * Write the bucket keys of every band of `values` to `key1[offset + j]` and
 * `key2[offset + j]`, `j` in `[0, bands)`. Allocates nothing.
 */
export function computeBandKeys(
  values: Uint32Array,
  bands: number,
  rows: number,
  key1: Uint32Array,
  key2: Uint32Array,
  offset: number,
): void {
  for (let j = 0; j < bands; j++) computeBandKey(values, j * rows, (j + 1) * rows, key1, key2, offset + j);
}

/**
 * Write the two key words of the band `values[from, to)` to `key1[at]` and
 * `key2[at]` (as {@link computeBandKeys} does for each band).
 */
export function computeBandKey(
  values: ArrayLike<number>,
  from: number,
  to: number,
  key1: Uint32Array,
  key2: Uint32Array,
  at: number,
): void {
  let h1 = KEY1_START;
  let h2 = KEY2_START;
  for (let t = from; t < to; t++) {
    const v = values[t]!;
    h1 = combine32(h1, v);
    h2 = combine32(h2, (v ^ KEY2_SALT) >>> 0);
  }
  key1[at] = h1;
  key2[at] = h2;
}
