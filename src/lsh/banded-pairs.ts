/**
 * The banding step shared by every LSH store: band by band, entries with
 * equal 64-bit bucket keys (two 32-bit words) form a bucket, and every pair of
 * entries of different groups in a bucket of at most `maxBucketSize` becomes
 * a candidate; pairs found in several bands are counted once, with the number
 * of bands.
 *
 * Keys are asked for one band at a time (`fillBand`), so a store may keep
 * them (the `LshIndex`) or derive them from what it keeps anyway (the scan's
 * 16-bit signature values): the step needs 24 bytes an entry of scratch
 * (keys and sort buffers, {@link BandingScratch}, reusable across calls), not
 * 8 bytes an entry per band.
 *
 * Per band, the entries are radix-sorted by `key1` (ties in entry order) so
 * equal `key1` are adjacent; runs are split by `key2`. Pairs
 * from all bands are packed the same way, sorted and run-length counted,
 * which deduplicates them and yields them in `(a, b)` order.
 */
import { InternalError } from '../errors';

/** Two items of different groups that share at least one band bucket. */
export interface CandidatePair {
  /** The smaller item id. */
  readonly a: number;
  /** The larger item id. */
  readonly b: number;
  /** In how many bands the two share a bucket that was not skipped (1 to `bands`). */
  readonly bands: number;
}

/** Bucket figures of one banding run. */
export interface BandingStats {
  /** Buckets (over all bands) with at least two items, that were not skipped. */
  readonly buckets: number;
  /** Buckets holding more than `maxBucketSize` items: skipped, or paired with their first entry only (`oversized`). */
  readonly skippedBuckets: number;
  /** Item slots in those buckets (an item counts once per band). */
  readonly skippedItems: number;
  /** Size of the largest bucket seen, skipped or not. */
  readonly largestBucket: number;
  /** Candidate pairs returned. */
  readonly candidatePairs: number;
}

/** What {@link bandedPairs} bands. */
export interface BandingInput {
  /** Entries `[0, count)`. */
  readonly count: number;
  readonly bands: number;
  /** Item id of each entry (pairs are reported by item id). */
  readonly items: Uint32Array;
  /** Group of each entry; entries of one group are never paired. */
  readonly groups: Uint32Array;
  /** Buckets with more entries than this are not paired all with all (see `oversized`). */
  readonly maxBucketSize: number;
  /**
   * What becomes of a bucket over `maxBucketSize`: skipped (the default), or
   * its first entry (the lowest-numbered) paired with every entry of another
   * group, so each group in it is a candidate with the first one's, at one
   * pair an entry instead of m(m−1)/2 (a story hundreds of outlets carry).
   */
  readonly oversized?: 'skip' | 'pair-with-first';
  /** Write band `band`'s two key words of every entry `e` to `key1[e]` and `key2[e]`. */
  readonly fillBand: (band: number, key1: Uint32Array, key2: Uint32Array) => void;
  /** Told of each bucket over `maxBucketSize` (skipped or paired with its first entry): its entries are `entries[from, to)`. */
  readonly onSkippedBucket?: (entries: Uint32Array, from: number, to: number) => void;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the low / high 32-bit word of a 64-bit lane in a `Uint32Array` view. */
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/** Every cross-group pair sharing a bucket in some band; see the module header. */
export function bandedPairs(input: BandingInput): { pairs: CandidatePair[]; stats: BandingStats } {
  const pairs = new PairBuffer();
  const stats = bandPairsInto(input, new BandingScratch(input.count), pairs);
  const result: CandidatePair[] = [];
  pairs.forEachCounted((a, b, bands) => result.push(Object.freeze({ a, b, bands })));
  return { pairs: result, stats: { ...stats, candidatePairs: result.length } };
}

/**
 * The sort buffers of {@link bandPairsInto} for up to `count` entries (20
 * bytes an entry, plus a few of a rare mixed run). A caller banding the same
 * entries again and again (the scan: one band at a time, dozens of times, over
 * tens of millions of windows) keeps one and passes it each time, instead of
 * leaving hundreds of megabytes to the collector after every band.
 */
export class BandingScratch {
  readonly keys1: Uint32Array;
  readonly keys2: Uint32Array;
  readonly order: Uint32Array;
  readonly sortedKeys: Uint32Array;
  readonly scratch: Uint32Array;
  readonly digitCounts = new Int32Array(SORT_COUNTS);
  private runBuffer = new Uint32Array(64);

  constructor(readonly capacity: number) {
    this.keys1 = new Uint32Array(capacity);
    this.keys2 = new Uint32Array(capacity);
    this.order = new Uint32Array(capacity);
    this.sortedKeys = new Uint32Array(capacity);
    this.scratch = new Uint32Array(capacity);
  }

  /** Room for a run of `length` entries whose key1 agree but key2 do not. */
  run(length: number): Uint32Array {
    if (this.runBuffer.length < length) this.runBuffer = new Uint32Array(Math.max(length, 2 * this.runBuffer.length));
    return this.runBuffer.subarray(0, length);
  }
}

/**
 * The banding step proper: push every cross-group pair sharing a bucket in
 * some band of `input` onto `pairs` (once per band it shares), sorting in
 * `scratch` (at least `input.count` entries). `input.items` may be null when
 * every entry is its own item. The bucket figures come back; how many
 * distinct pairs there are is known once `pairs` is counted.
 */
export function bandPairsInto(input: BandPairing, scratch: BandingScratch, pairs: PairBuffer): Omit<BandingStats, 'candidatePairs'> {
  const figures = new BucketFigures(input.count);
  for (let j = 0; j < input.bands; j++) {
    input.fillBand(j, scratch.keys1, scratch.keys2);
    sortFilledBand(input.count, scratch);
    pairSortedBand(input, scratch, pairs, figures);
  }
  return figures.stats();
}

/** What {@link bandPairsInto} reads: {@link BandingInput}, `items` null when every entry is its own item. */
export type BandPairing = Omit<BandingInput, 'items'> & { readonly items: Uint32Array | null };

/** What {@link pairSortedBand} reads of a band: its entries, their items and groups, and the bucket limit (not its keys, already sorted). */
export type BucketPairing = Pick<BandPairing, 'count' | 'items' | 'groups' | 'maxBucketSize' | 'oversized' | 'onSkippedBucket'>;

/** The bucket figures of {@link BandingStats}, counted band by band. */
export class BucketFigures {
  buckets = 0;
  skippedBuckets = 0;
  skippedItems = 0;
  largestBucket: number;

  constructor(count: number) {
    this.largestBucket = count > 0 ? 1 : 0;
  }

  stats(): Omit<BandingStats, 'candidatePairs'> {
    const { buckets, skippedBuckets, skippedItems, largestBucket } = this;
    return { buckets, skippedBuckets, skippedItems, largestBucket };
  }
}

/**
 * The first step of banding one band, once its keys are in `scratch.keys1`
 * and `scratch.keys2` (`fillBand`): sort the entries `[0, count)` by `key1`
 * (ties in entry order) into `scratch.order` and `scratch.sortedKeys`.
 * `keys1` is overwritten.
 */
export function sortFilledBand(count: number, scratch: BandingScratch): void {
  if (scratch.capacity < count) throw new InternalError(`banding: scratch for ${scratch.capacity} entries, ${count} asked`);
  // key1 is read only by the sort's first pass: its later passes carry the keys through keys1's room.
  sortByKey(scratch.keys1, count, scratch.order, scratch.sortedKeys, scratch.scratch, scratch.keys1, scratch.digitCounts);
}

/**
 * The second step ({@link sortFilledBand} done): push every cross-group pair
 * of each bucket of the band onto `pairs`, counting the buckets in `figures`.
 */
export function pairSortedBand(input: BucketPairing, scratch: BandingScratch, pairs: PairBuffer, figures: BucketFigures): void {
  const { count, items, groups, maxBucketSize } = input;
  const { keys2, order, sortedKeys } = scratch;

  /** Push every cross-group pair of the entries `entries[from, to)`. */
  function emitPairs(entries: Uint32Array, from: number, to: number): void {
    for (let x = from; x < to; x++) {
      const ex = entries[x]!;
      const ix = items === null ? ex : items[ex]!;
      const gx = groups[ex]!;
      for (let y = x + 1; y < to; y++) {
        const ey = entries[y]!;
        if (groups[ey] === gx) continue;
        const iy = items === null ? ey : items[ey]!;
        if (ix < iy) pairs.push(ix, iy);
        else pairs.push(iy, ix);
      }
    }
  }

  /** Push the pair of the first of the entries `entries[from, to)` (a bucket's are in entry order: its lowest-numbered) with each entry of another group. */
  function emitPairsWithFirst(entries: Uint32Array, from: number, to: number): void {
    const first = entries[from]!;
    const i0 = items === null ? first : items[first]!;
    for (let x = from; x < to; x++) {
      const ex = entries[x]!;
      if (groups[ex] === groups[first]) continue;
      const ix = items === null ? ex : items[ex]!;
      if (i0 < ix) pairs.push(i0, ix);
      else pairs.push(ix, i0);
    }
  }

  /** Count the bucket `entries[from, to)` and pair its entries (all with all unless it is too large). */
  function bucket(entries: Uint32Array, from: number, to: number): void {
    const m = to - from;
    if (m > figures.largestBucket) figures.largestBucket = m;
    if (m < 2) return;
    if (m > maxBucketSize) {
      figures.skippedBuckets++;
      figures.skippedItems += m;
      if (input.oversized === 'pair-with-first') emitPairsWithFirst(entries, from, to);
      input.onSkippedBucket?.(entries, from, to);
    } else {
      figures.buckets++;
      emitPairs(entries, from, to);
    }
  }

  let p = 0;
  while (p < count) {
    const k1 = sortedKeys[p]!;
    let q = p + 1;
    while (q < count && sortedKeys[q] === k1) q++;
    if (q - p >= 2) {
      // Entries order[p, q) share key1; their buckets are the groups of equal
      // key2, almost always a single one: then they are the bucket as they stand.
      const first2 = keys2[order[p]!];
      let uniform = true;
      for (let t = p + 1; t < q && uniform; t++) uniform = keys2[order[t]!] === first2;
      if (uniform) {
        bucket(order, p, q);
      } else {
        const entries = scratch.run(q - p);
        entries.set(order.subarray(p, q));
        entries.sort((x, y) => keys2[x]! - keys2[y]! || x - y);
        let u = 0;
        while (u < entries.length) {
          const k2 = keys2[entries[u]!];
          let v = u + 1;
          while (v < entries.length && keys2[entries[v]!] === k2) v++;
          bucket(entries, u, v);
          u = v;
        }
      }
    }
    p = q;
  }
}

/** Bits per radix pass: three passes (11, 11 and 10 bits) cover a 32-bit key. */
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;
/** Length of {@link sortByKey}'s `counts`. */
export const SORT_COUNTS = 3 * (DIGITS + 1);

/**
 * Write the entries `0 … count − 1` to `order` sorted by `keys[e]`, ties in
 * entry order: the order a sort of the 64-bit lanes `keys[e] · 2^32 + e` gives;
 * `sortedKeys[p]` is the key of `order[p]`. Three stable counting passes,
 * least significant digit first, each carrying the keys along so that every
 * pass reads in sequence. Linear, and no allocation: `scratch` and
 * `scratchKeys` (`count` long) and `counts` (`3 · (DIGITS + 1)`) are the caller's.
 * `scratchKeys` may be `keys` itself (the first pass is the only one to read
 * `keys`), which is then overwritten.
 */
export function sortByKey(
  keys: Uint32Array,
  count: number,
  order: Uint32Array,
  sortedKeys: Uint32Array,
  scratch: Uint32Array,
  scratchKeys: Uint32Array,
  counts: Int32Array,
): void {
  const low = 0;
  const mid = DIGITS + 1;
  const high = 2 * (DIGITS + 1);
  counts.fill(0);
  for (let e = 0; e < count; e++) {
    const key = keys[e]!;
    counts[low + (key & DIGIT_MASK) + 1]!++;
    counts[mid + ((key >>> DIGIT_BITS) & DIGIT_MASK) + 1]!++;
    counts[high + (key >>> (2 * DIGIT_BITS)) + 1]!++;
  }
  for (let d = 1; d <= DIGITS; d++) {
    counts[low + d]! += counts[low + d - 1]!;
    counts[mid + d]! += counts[mid + d - 1]!;
    counts[high + d]! += counts[high + d - 1]!;
  }
  for (let e = 0; e < count; e++) {
    const key = keys[e]!;
    const to = counts[low + (key & DIGIT_MASK)]!++;
    order[to] = e;
    sortedKeys[to] = key;
  }
  for (let i = 0; i < count; i++) {
    const key = sortedKeys[i]!;
    const to = counts[mid + ((key >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    scratch[to] = order[i]!;
    scratchKeys[to] = key;
  }
  for (let i = 0; i < count; i++) {
    const key = scratchKeys[i]!;
    const to = counts[high + (key >>> (2 * DIGIT_BITS))]!++;
    order[to] = scratch[i]!;
    sortedKeys[to] = key;
  }
}

/**
 * Growable list of item pairs packed as `a · 2^32 + b` in a `BigUint64Array`;
 * {@link clear} keeps its room for the next round.
 */
export class PairBuffer {
  private lanes = new BigUint64Array(1024);
  private words = new Uint32Array(this.lanes.buffer);
  private length = 0;

  push(a: number, b: number): void {
    if (this.length === this.lanes.length) {
      const lanes = new BigUint64Array(this.lanes.length * 2);
      lanes.set(this.lanes);
      this.lanes = lanes;
      this.words = new Uint32Array(lanes.buffer);
    }
    this.words[2 * this.length + HI] = a;
    this.words[2 * this.length + LO] = b;
    this.length++;
  }

  clear(): void {
    this.length = 0;
  }

  /** Sort, then call `fn` once for each distinct pair, in `(a, b)` order, with how many times it was pushed. */
  forEachCounted(fn: (a: number, b: number, times: number) => void): void {
    this.forEachCountedFrom(this.sort(), 0, Infinity, fn);
  }

  /** Sort the pairs pushed (for {@link forEachCountedFrom}); returns how many there are. */
  sort(): number {
    this.lanes.subarray(0, this.length).sort();
    return this.length;
  }

  /**
   * {@link forEachCounted} a part at a time, once {@link sort}ed (`count`
   * pairs): the distinct pairs from sorted position `from` on, until a
   * pair's first position reaches `until`. Returns the position to go on
   * from (`count` when done).
   */
  forEachCountedFrom(count: number, from: number, until: number, fn: (a: number, b: number, times: number) => void): number {
    const n = Math.min(count, this.length);
    const words = this.words;
    let p = from;
    while (p < n && p < until) {
      const a = words[2 * p + HI]!;
      const b = words[2 * p + LO]!;
      let q = p + 1;
      while (q < n && words[2 * q + HI] === a && words[2 * q + LO] === b) q++;
      fn(a, b, q - p);
      p = q;
    }
    return p;
  }
}
