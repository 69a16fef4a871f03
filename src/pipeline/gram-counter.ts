/**
 * Counting 32-bit k-gram hashes: an open-addressing table over typed arrays
 * (linear probing, grows at half load). A `Map<number, number>` spends most of
 * a collection's boilerplate pass on boxing and rehashing; this keeps two
 * flat arrays.
 */
export class GramCounter {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private used: Uint8Array;
  private filled = 0;

  constructor(capacity = 1 << 16) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.keys = new Uint32Array(size);
    this.counts = new Uint32Array(size);
    this.used = new Uint8Array(size);
  }

  /** Number of distinct keys counted. */
  get size(): number {
    return this.filled;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Fibonacci hashing spreads keys that differ only in high bits.
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.used[i] === 1 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** Add 1 to `key`'s count. */
  increment(key: number): void {
    const i = this.slot(key >>> 0);
    if (this.used[i] === 1) {
      this.counts[i] = (this.counts[i] ?? 0) + 1;
      return;
    }
    this.used[i] = 1;
    this.keys[i] = key >>> 0;
    this.counts[i] = 1;
    if (++this.filled * 2 > this.keys.length) this.grow();
  }

  /** Add 1 to `key`'s count if `key` is in the table (see {@link GramCounter.put}); false if it is not. */
  incrementPresent(key: number): boolean {
    const i = this.slot(key >>> 0);
    if (this.used[i] !== 1) return false;
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    return true;
  }

  /** Set `key`'s count to `count`, adding it if it is not in the table. */
  put(key: number, count: number): void {
    const i = this.slot(key >>> 0);
    this.counts[i] = count;
    if (this.used[i] === 1) return;
    this.used[i] = 1;
    this.keys[i] = key >>> 0;
    if (++this.filled * 2 > this.keys.length) this.grow();
  }

  /** The count of `key` (0 when never counted). */
  get(key: number): number {
    const i = this.slot(key >>> 0);
    return this.used[i] === 1 ? (this.counts[i] ?? 0) : 0;
  }

  /** Call `f` for every key counted at least `min` times, with its count. */
  forEachAtLeast(min: number, f: (key: number, count: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.used[i] === 1 && (this.counts[i] ?? 0) >= min) f(this.keys[i] ?? 0, this.counts[i] ?? 0);
  }

  /** Forget every key (the table keeps its size). */
  clear(): void {
    this.used.fill(0);
    this.filled = 0;
  }

  private grow(): void {
    const { keys, counts, used } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.used = new Uint8Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (used[i] !== 1) continue;
      const j = this.slot(keys[i] ?? 0);
      this.used[j] = 1;
      this.keys[j] = keys[i] ?? 0;
      this.counts[j] = counts[i] ?? 0;
    }
  }
}

/**
 * The Misra–Gries frequent-items summary (Misra & Gries 1982) over uint32
 * keys: at most `capacity` counters; a key seen more than `n / (capacity + 1)`
 * times in a stream of `n` holds one at the end. Flat typed arrays: two
 * tables, the survivors of each decrement round copied from one to the other.
 */
export class FrequentKeys {
  private table: GramCounter;
  /** The table a decrement round fills, then swaps in: two tables for the summary's life, not a new one a round. */
  private spare: GramCounter;

  constructor(private readonly capacity: number) {
    this.table = new GramCounter(capacity);
    this.spare = new GramCounter(capacity);
  }

  /** Count one occurrence of `key`. */
  add(key: number): void {
    if (this.table.size < this.capacity) {
      this.table.increment(key);
      return;
    }
    if (this.table.incrementPresent(key)) return;
    // Full and `key` is new: decrement every counter (the new key's one is spent too).
    // A round per `capacity` new keys: a fresh table each was gigabytes of garbage on a 1M-article dump.
    const survivors = this.spare;
    survivors.clear();
    this.table.forEachAtLeast(2, (k, count) => survivors.put(k, count - 1));
    this.spare = this.table;
    this.table = survivors;
  }

  /** The keys holding a counter. */
  forEach(f: (key: number) => void): void {
    this.table.forEachAtLeast(1, f);
  }
}

/** The distinct values of `values`, sorted (a sorted copy, runs collapsed). */
export function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] ?? 0;
  return sorted.subarray(0, n);
}
