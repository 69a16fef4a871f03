/**
 * Band keys as SQLite integers. `computeBandKeys` names a bucket of band `j`
 * with two 32-bit folds; the index folds the band number into the first and
 * keeps 21 of its bits above the 32 of the second: a 53-bit key (a safe
 * JavaScript integer, an 8-byte SQLite integer) that names a (band, bucket)
 * pair. Two different buckets share a key with probability 2^−53: among the
 * ~10^8 keys of a 100k-article index, about 10^−3 false sharings (and a false
 * sharing only proposes a candidate that alignment then rejects).
 */
import { computeBandKeys } from '../lsh';
import { combine32 } from '../shingle';

/**
 * The 53-bit band keys of every window signed with `numPerm` permutations
 * (`signatures`: windows × numPerm values, as `signWindows` returns them),
 * window by window: windows × bands keys, repeats kept (the store keeps each
 * key once per article).
 */
export function computeWindowBandKeys(signatures: Uint32Array, numPerm: number, bands: number, rows: number): Float64Array {
  const windows = Math.floor(signatures.length / numPerm);
  const key1 = new Uint32Array(bands);
  const key2 = new Uint32Array(bands);
  const keys = new Float64Array(windows * bands);
  for (let w = 0; w < windows; w++) {
    computeBandKeys(signatures, bands, rows, key1, key2, 0, w * numPerm);
    for (let j = 0; j < bands; j++) keys[w * bands + j] = storeKey(j, key1[j]!, key2[j]!);
  }
  return keys;
}

/** The distinct band keys of {@link computeWindowBandKeys}, sorted. */
export function computeStoreBandKeys(signatures: Uint32Array, numPerm: number, bands: number, rows: number): Float64Array {
  const keys = computeWindowBandKeys(signatures, numPerm, bands, rows).sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[n - 1]) keys[n++] = keys[i]!;
  return keys.slice(0, n);
}

/** The 53-bit key of bucket (key1, key2) of band `band`. */
export function storeKey(band: number, key1: number, key2: number): number {
  return (combine32(key1, band) & 0x1fffff) * 0x100000000 + (key2 >>> 0);
}
