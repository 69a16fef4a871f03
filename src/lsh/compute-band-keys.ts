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

import { COMBINE_ADD, COMBINE_SALT, mix32 } from '../shingle/hash';

const imul = Math.imul;

const KEY1_START = 0x6a09e667;
const KEY2_START = 0xbb67ae85;
/** Values are xored with this before the second fold, so its inner `mix32` sees other inputs. */
const KEY2_SALT = 0x510e527f;

/**
 * Write the bucket keys of every band of `values` to `key1[offset + j]` and
 * `key2[offset + j]`, `j` in `[0, bands)`; the signature starts at
 * `values[from]` (default 0: a block of signatures is read in place, no
 * view made per signature). Allocates nothing.
 */
export function computeBandKeys(
  values: Uint32Array | Uint16Array,
  bands: number,
  rows: number,
  key1: Uint32Array,
  key2: Uint32Array,
  offset: number,
  from = 0,
): void {
  if (values instanceof Uint16Array) {
    for (let j = 0; j < bands; j++) computeBandKey16(values, from + j * rows, from + (j + 1) * rows, key1, key2, offset + j);
    return;
  }
  for (let j = 0; j < bands; j++) computeBandKey32(values, from + j * rows, from + (j + 1) * rows, key1, key2, offset + j);
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
  if (values instanceof Uint16Array) computeBandKey16(values, from, to, key1, key2, at);
  else computeBandKey32(values, from, to, key1, key2, at);
}

/**
 * {@link computeBandKey} for 32-bit values: `combine32` of each value into
 * each fold, written out in int32 arithmetic (the same bits: every step is
 * taken mod 2^32).
 */
function computeBandKey32(values: ArrayLike<number>, from: number, to: number, key1: Uint32Array, key2: Uint32Array, at: number): void {
  const salt = COMBINE_SALT | 0;
  const add = COMBINE_ADD | 0;
  let h1 = KEY1_START | 0;
  let h2 = KEY2_START | 0;
  for (let t = from; t < to; t++) {
    const v = values[t]! | 0;
    h1 ^= mix32(v + salt);
    h2 ^= mix32((v ^ KEY2_SALT) + salt);
    h1 = (imul((h1 << 13) | (h1 >>> 19), 5) + add) | 0;
    h2 = (imul((h2 << 13) | (h2 >>> 19), 5) + add) | 0;
  }
  key1[at] = h1;
  key2[at] = h2;
}

/**
 * `combine32(h, v)` is `imul(rotl(h ^ mix32(v + COMBINE_SALT), 13), 5) + COMBINE_ADD`,
 * and its `mix32` does not depend on `h`: for 16-bit values (the scan keeps
 * 16 bits of each signature value) both folds' mixes come from a table,
 * `[0, 2^16)` for the first fold and `[2^16, 2^17)` for the second (salted).
 * 512 KB, built on first use.
 */
let premixed16: Uint32Array | null = null;

function premixedTable(): Uint32Array {
  if (premixed16 !== null) return premixed16;
  const table = new Uint32Array(2 * 0x10000);
  for (let v = 0; v < 0x10000; v++) {
    table[v] = mix32(v + COMBINE_SALT);
    table[0x10000 + v] = mix32(((v ^ KEY2_SALT) >>> 0) + COMBINE_SALT);
  }
  premixed16 = table;
  return table;
}

/** {@link computeBandKey} for 16-bit values: the same keys, the mixes looked up. */
function computeBandKey16(values: Uint16Array, from: number, to: number, key1: Uint32Array, key2: Uint32Array, at: number): void {
  const table = premixedTable();
  const add = COMBINE_ADD | 0;
  let h1 = KEY1_START | 0;
  let h2 = KEY2_START | 0;
  for (let t = from; t < to; t++) {
    const v = values[t]!;
    h1 ^= table[v]!;
    h2 ^= table[0x10000 + v]!;
    h1 = (imul((h1 << 13) | (h1 >>> 19), 5) + add) | 0;
    h2 = (imul((h2 << 13) | (h2 >>> 19), 5) + add) | 0;
  }
  key1[at] = h1;
  key2[at] = h2;
}

/**
 * {@link computeBandKey} of `count` windows' band values, 16 bits each and
 * `rows` a window, one window after another: window `e`'s keys to `key1[e]`
 * and `key2[e]`. The same keys as a call a window, without the calls (a
 * scan folds tens of millions of windows' keys a band).
 */
export function fillBandKeys16(values: Uint16Array, count: number, rows: number, key1: Uint32Array, key2: Uint32Array): void {
  for (let e = 0, at = 0; e < count; e++, at += rows) computeBandKey16(values, at, at + rows, key1, key2, e);
}
