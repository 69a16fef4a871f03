/**
 * The banded LSH index over MinHash signatures (Leskovec, Rajaraman & Ullman,
 * *Mining of Massive Datasets*, ch. 3.4): items whose signatures agree on all
 * `rows` values of at least one band become *candidate* pairs, to be verified
 * downstream. The index knows items (integer passage ids) and groups (integer
 * document ids), never text.
 *
 * ## Storage
 *
 * A batch structure, not a hash map of arrays: `insert` appends the item, its
 * group and its `bands` 64-bit bucket keys to flat typed arrays (amortised
 * growth, no per-item allocation). `candidatePairs` then, per band, sorts the
 * `(key, entry)` pairs — packed in a `BigUint64Array` so the engine's native
 * numeric sort does the work — and walks runs of equal keys. Pairs from all
 * bands are packed the same way, sorted and run-length counted, which
 * deduplicates them, counts the bands each pair shares and yields them in
 * `(a, b)` order.
 *
 * ## Oversized buckets
 *
 * A bucket holding more than `maxBucketSize` items is skipped and counted in
 * `stats().skippedBuckets`. Such buckets are nearly always boilerplate that
 * recurs in every article of an outlet (bylines, newsletter and cookie prompts,
 * "all rights reserved"); they would add `m(m−1)/2` pairs each and swamp
 * verification. The price: a passage genuinely republished more than
 * `maxBucketSize` times (a wire story taken by hundreds of outlets) loses the
 * bands whose buckets overflowed, and disappears if all of them did. Raise
 * `maxBucketSize` for wire-heavy corpora, and watch `skippedBuckets`. (The
 * scan's `CandidateCollector` does not lose them: its banding pairs an
 * oversized bucket's first window with every other document's, `oversized:
 * 'pair-with-first'`.)
 */

import { InternalError, OptionsError, ParameterMismatchError } from '../errors';
import { describeMinHashParamsDifference, resolveMinHashParams, type MinHashScheme } from '../minhash/minhash-params';
import type { Signature } from '../minhash/signature';
import { bandedPairs, type BandingStats, type CandidatePair } from './banded-pairs';

export type { CandidatePair } from './banded-pairs';
import { computeBandKeys } from './compute-band-keys';

/** Parameters of an LSH index; resolved copies are frozen. */
export interface LshIndexParams {
  /** Number of bands (see `chooseBandsRows`). */
  readonly bands: number;
  /** Signature values per band; `bands · rows ≤ numPerm`. */
  readonly rows: number;
  /** `numPerm` of the signatures the index accepts. */
  readonly numPerm: number;
  /** `seed` of the signatures the index accepts. */
  readonly seed: number;
  /** `scheme` of the signatures the index accepts. */
  readonly scheme: MinHashScheme;
  /**
   * Buckets with more items than this are skipped (boilerplate); an integer ≥ 2.
   * Higher keeps passages reused very widely, at a quadratic cost in pairs.
   * @default 200
   */
  readonly maxBucketSize: number;
}

/** {@link LshIndexParams} as given: `scheme` and `maxBucketSize` may be left out. */
export type LshIndexInput = Omit<LshIndexParams, 'scheme' | 'maxBucketSize'> & Partial<Pick<LshIndexParams, 'scheme' | 'maxBucketSize'>>;

/** Figures of an index; bucket figures are those of the last `candidatePairs()` call. */
export interface LshStats extends BandingStats {
  /** Items inserted. */
  readonly items: number;
}

/** A banded LSH index; see the module header. Not safe for concurrent mutation. */
export interface LshIndex {
  readonly params: LshIndexParams;
  /**
   * Add an item with its group and signature.
   *
   * @param item - passage id, an integer from 0 to 2^32 − 1, inserted once.
   * @param group - document id, an integer from 0 to 2^32 − 1; items of one
   *   group are never paired.
   * @throws ParameterMismatchError when `sig` was made with another `numPerm` or `seed`.
   * @throws InternalError when an id is out of range or the item was inserted before.
   */
  insert(item: number, group: number, sig: Signature): void;
  /**
   * Every unordered pair of items of different groups sharing at least one
   * band bucket of at most `maxBucketSize` items, once, with `a < b`, sorted by
   * `a` then `b`. Candidates, not answers: verify them. The index stays usable.
   */
  candidatePairs(): CandidatePair[];
  /** Current figures; see {@link LshStats}. */
  stats(): LshStats;
}

/** Default of {@link LshIndexParams.maxBucketSize}. */
export const DEFAULT_MAX_BUCKET_SIZE = 200;


/**
 * Validate LSH parameters and return a frozen copy.
 *
 * @throws OptionsError (`bands`, `rows`, `num-perm`, `seed`, `max-bucket-size`).
 */
export function resolveLshIndexParams(params: LshIndexInput): LshIndexParams {
  const { numPerm, seed, scheme } = resolveMinHashParams(params);
  const { bands, rows } = params;
  const maxBucketSize = params.maxBucketSize ?? DEFAULT_MAX_BUCKET_SIZE;
  if (!Number.isInteger(bands) || bands < 1) {
    throw new OptionsError('bands', `must be a positive integer; got ${String(bands)}. Use chooseBandsRows() to pick one.`);
  }
  if (!Number.isInteger(rows) || rows < 1) {
    throw new OptionsError('rows', `must be a positive integer; got ${String(rows)}. Use chooseBandsRows() to pick one.`);
  }
  if (bands * rows > numPerm) {
    throw new OptionsError(
      'bands',
      `bands × rows = ${bands * rows} exceeds num-perm ${numPerm}; lower one or use chooseBandsRows(${numPerm}, threshold)`,
    );
  }
  if (!Number.isInteger(maxBucketSize) || maxBucketSize < 2) {
    throw new OptionsError(
      'max-bucket-size',
      `must be an integer of at least 2; got ${String(maxBucketSize)} (default ${DEFAULT_MAX_BUCKET_SIZE})`,
    );
  }
  return Object.freeze({ bands, rows, numPerm, seed, scheme, maxBucketSize });
}

/**
 * Create an empty LSH index.
 *
 * @param expectedItems - how many items will be inserted, if known: storage
 *   is allocated once for them (it still grows past them).
 * @throws OptionsError when a parameter is out of range (see {@link resolveLshIndexParams}).
 */
export function createLshIndex(params: LshIndexInput, expectedItems = 64): LshIndex {
  const resolved = resolveLshIndexParams(params);
  const { bands, rows, maxBucketSize } = resolved;

  // Room for the items the caller expects: no doubling (and no two copies at once) if it knows.
  let capacity = Math.max(1, Math.ceil(expectedItems));
  let count = 0;
  let items = new Uint32Array(capacity);
  let groups = new Uint32Array(capacity);
  // Bucket keys of entry e, band j, at e * bands + j.
  let keys1 = new Uint32Array(capacity * bands);
  let keys2 = new Uint32Array(capacity * bands);
  const seen = new Set<number>();
  let lastStats: LshStats = emptyStats(0);

  function grow(): void {
    capacity *= 2;
    items = enlarge(items, capacity);
    groups = enlarge(groups, capacity);
    keys1 = enlarge(keys1, capacity * bands);
    keys2 = enlarge(keys2, capacity * bands);
  }

  function insert(item: number, group: number, sig: Signature): void {
    checkId('item', item);
    checkId('group', group);
    const difference = describeMinHashParamsDifference(resolved, sig.params);
    if (difference !== null) {
      throw new ParameterMismatchError(
        `LshIndex.insert: the signature of item ${item} does not fit the index (index vs signature: ${difference}); ` +
          'sign with the --num-perm and --seed the index was made with',
      );
    }
    if (seen.has(item)) throw new InternalError(`LshIndex.insert: item ${item} was inserted twice`);
    seen.add(item);
    if (count === capacity) grow();
    items[count] = item;
    groups[count] = group;
    computeBandKeys(sig.values, bands, rows, keys1, keys2, count * bands);
    count++;
  }

  function candidatePairs(): CandidatePair[] {
    const { pairs, stats } = bandedPairs({
      count,
      bands,
      items,
      groups,
      maxBucketSize,
      fillBand: (j, key1, key2) => {
        for (let e = 0; e < count; e++) {
          key1[e] = keys1[e * bands + j]!;
          key2[e] = keys2[e * bands + j]!;
        }
      },
    });
    lastStats = Object.freeze({ items: count, ...stats });
    return pairs;
  }

  return Object.freeze({
    params: resolved,
    insert,
    candidatePairs,
    stats: (): LshStats => (lastStats.items === count ? lastStats : emptyStats(count)),
  });
}

function emptyStats(items: number): LshStats {
  return Object.freeze({ items, buckets: 0, skippedBuckets: 0, skippedItems: 0, largestBucket: 0, candidatePairs: 0 });
}

function checkId(what: string, id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) {
    throw new InternalError(`LshIndex.insert: ${what} id must be an integer from 0 to 2^32 - 1; got ${String(id)}`);
  }
}

/** A copy of `source` in a new, longer array. */
function enlarge(source: Uint32Array, length: number): Uint32Array<ArrayBuffer> {
  const target = new Uint32Array(length);
  target.set(source);
  return target;
}
