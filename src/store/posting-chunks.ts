/**
 * The posting list's on-disk pieces, as pure functions: (key, doc) entries
 * sorted by key then doc, cut into chunks of about {@link CHUNK_ENTRIES}
 * entries. An entry is three little-endian uint32 words: the low 32 bits of
 * the 53-bit band key, its high 21 bits, the document's row number. A chunk
 * never splits one key's entries (it grows past the target to finish a key),
 * so a key is looked up in one chunk: the last one whose first key is not
 * above it.
 */
import { encodeArray } from './blob-codec';

/** Entries a chunk aims at: 160 × 12 bytes, two chunks to a 4 KB page. */
export const CHUNK_ENTRIES = 160;
/** uint32 words per entry. */
export const ENTRY_WORDS = 3;

const TWO32 = 0x100000000;
/** Bits of a key above its low 32. */
const HIGH_BITS = 21;
/** Entries per bucket the batch sort aims at (its insertion sorts grow with the square of a bucket's size). */
const BUCKET_ENTRIES = 4;
/** Buckets of more entries than this (one key in many documents) are not sorted by insertion. */
const INSERTION_MAX = 32;

/** Entries sorted by key, then document: entry `i` is words `3i` (key, low 32 bits), `3i + 1` (key, high bits), `3i + 2` (doc). */
export type SortedEntries = Uint32Array & { readonly __sortedEntries: true };

/** The band key of entry `i`. */
export function keyAt(words: Uint32Array, i: number): number {
  return words[ENTRY_WORDS * i + 1]! * TWO32 + words[ENTRY_WORDS * i]!;
}

/** The document of entry `i`. */
export function docAt(words: Uint32Array, i: number): number {
  return words[ENTRY_WORDS * i + 2]!;
}

/** A batch's entries, sorted and without repeats, and each document's number of distinct keys. */
export interface SortedBatch {
  /** Entries whose doc is the document's position in the batch. */
  readonly entries: SortedEntries;
  /** Distinct keys of each document, by position. */
  readonly distinct: Uint32Array;
}

/**
 * The (key, position) entries of a batch of documents' band keys (any
 * order, repeats allowed), sorted by key then position, each pair once.
 * Keys are hashes, spread evenly: a counting pass on their top bits puts
 * each entry in its bucket (about {@link BUCKET_ENTRIES} entries each, in
 * position order; at most 2^21 buckets, the high part of a key), sorted as
 * {@link sortEntries} sorts its buckets.
 */
export function sortBatchPostings(keysOf: readonly Float64Array[]): SortedBatch {
  let n = 0;
  for (const keys of keysOf) n += keys.length;
  let bits = 8;
  while (bits < HIGH_BITS && n > BUCKET_ENTRIES << bits) bits++;
  const shift = HIGH_BITS - bits;
  const buckets = 1 << bits;
  const starts = new Uint32Array(buckets + 1);
  for (const keys of keysOf) for (let k = 0; k < keys.length; k++) starts[(Math.floor(keys[k]! / TWO32) >>> shift) + 1]!++;
  for (let b = 1; b <= buckets; b++) starts[b]! += starts[b - 1]!;
  const fill = starts.slice(0, buckets);
  const out = new Uint32Array(ENTRY_WORDS * n);
  for (let g = 0; g < keysOf.length; g++) {
    const keys = keysOf[g]!;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const l = key >>> 0;
      const h = (key - l) / TWO32;
      const at = ENTRY_WORDS * fill[h >>> shift]!++;
      out[at] = l;
      out[at + 1] = h;
      out[at + 2] = g;
    }
  }
  sortBuckets(out, starts);
  const distinct = new Uint32Array(keysOf.length);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const at = ENTRY_WORDS * i;
    const to = ENTRY_WORDS * m;
    const l = out[at]!;
    const h = out[at + 1]!;
    const g = out[at + 2]!;
    if (m > 0 && out[to - 1] === g && out[to - 3] === l && out[to - 2] === h) continue;
    out[to] = l;
    out[to + 1] = h;
    out[to + 2] = g;
    distinct[g]!++;
    m++;
  }
  return { entries: out.subarray(0, ENTRY_WORDS * m) as SortedEntries, distinct };
}

/**
 * `words`' entries, all with keys in `[lo, hi)`, sorted by key then document
 * (a new array): keys are hashes spread evenly, so a counting pass puts each
 * in its bucket of about {@link BUCKET_ENTRIES}, each bucket sorted
 * ({@link sortBuckets}).
 */
export function sortEntries(words: Uint32Array, lo: number, hi: number): SortedEntries {
  const n = words.length / ENTRY_WORDS;
  const buckets = Math.max(1, Math.ceil(n / BUCKET_ENTRIES));
  // Monotonic in the key (floating-point products keep order), so buckets are in key order.
  const scale = buckets / (hi - lo);
  const bucketOf = (i: number): number => Math.min(buckets - 1, Math.floor((keyAt(words, i) - lo) * scale));
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) starts[bucketOf(i) + 1]!++;
  for (let b = 1; b <= buckets; b++) starts[b]! += starts[b - 1]!;
  const fill = starts.slice(0, buckets);
  const out = new Uint32Array(words.length);
  for (let i = 0; i < n; i++) {
    const at = ENTRY_WORDS * fill[bucketOf(i)]!++;
    out[at] = words[ENTRY_WORDS * i]!;
    out[at + 1] = words[ENTRY_WORDS * i + 1]!;
    out[at + 2] = words[ENTRY_WORDS * i + 2]!;
  }
  sortBuckets(out, starts);
  return out as SortedEntries;
}

/**
 * Sort each bucket of `words` (bucket `b`: entries `starts[b]` to
 * `starts[b + 1]`) by (key, doc): by insertion (buckets hold a few entries),
 * or, for a bucket much larger (a key many documents share), by comparisons.
 */
function sortBuckets(words: Uint32Array, starts: Uint32Array): void {
  for (let b = 0; b + 1 < starts.length; b++) {
    const [from, to] = [starts[b]!, starts[b + 1]!];
    if (to - from <= INSERTION_MAX) insertionSort(words, from, to);
    else comparisonSort(words, from, to);
  }
}

/** Sort entries `[from, to)` of `words` by (key, doc) in place, by comparisons (many entries). */
function comparisonSort(words: Uint32Array, from: number, to: number): void {
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((x, y) => keyAt(words, x) - keyAt(words, y) || docAt(words, x) - docAt(words, y));
  const sorted = new Uint32Array(ENTRY_WORDS * order.length);
  order.forEach((i, j) => sorted.set(words.subarray(ENTRY_WORDS * i, ENTRY_WORDS * i + ENTRY_WORDS), ENTRY_WORDS * j));
  words.set(sorted, ENTRY_WORDS * from);
}

/** Sort entries `[from, to)` of `words` by (key, doc) in place (few entries, or nearly sorted). */
function insertionSort(words: Uint32Array, from: number, to: number): void {
  for (let x = from + 1; x < to; x++) {
    const l = words[ENTRY_WORDS * x]!;
    const h = words[ENTRY_WORDS * x + 1]!;
    const d = words[ENTRY_WORDS * x + 2]!;
    let y = x;
    for (; y > from; y--) {
      const at = ENTRY_WORDS * (y - 1);
      const ph = words[at + 1]!;
      const pl = words[at]!;
      if (ph < h || (ph === h && (pl < l || (pl === l && words[at + 2]! <= d)))) break;
      words[at + ENTRY_WORDS] = pl;
      words[at + ENTRY_WORDS + 1] = ph;
      words[at + ENTRY_WORDS + 2] = words[at + 2]!;
    }
    words[ENTRY_WORDS * y] = l;
    words[ENTRY_WORDS * y + 1] = h;
    words[ENTRY_WORDS * y + 2] = d;
  }
}

/**
 * The entries with each position replaced by its document's row number
 * (`rows[p]` for position `p`), and those of documents not stored (row 0:
 * unchanged, or named again later in the batch) dropped. Stored rows must
 * increase with position, so the order holds. The entries are compacted in
 * place (the result is a view of their memory).
 */
export function keepDocuments(entries: SortedEntries, rows: ArrayLike<number>): SortedEntries {
  let last = 0;
  for (let p = 0; p < rows.length; p++) {
    const row = rows[p]!;
    if (row === 0) continue;
    if (!(row > last)) throw new RangeError('document rows must increase with position');
    last = row;
  }
  let m = 0;
  for (let i = 0; i < entries.length; i += ENTRY_WORDS) {
    const row = rows[entries[i + 2]!]!;
    if (row === 0) continue;
    entries[m] = entries[i]!;
    entries[m + 1] = entries[i + 1]!;
    entries[m + 2] = row;
    m += ENTRY_WORDS;
  }
  return entries.subarray(0, m) as SortedEntries;
}

/** A chunk as stored: its first key and its entries' bytes. */
export interface Chunk {
  readonly firstKey: number;
  readonly bytes: Buffer;
}

/**
 * Cuts a stream of sorted entries into chunks and hands each to `emit` as it
 * closes: at {@link CHUNK_ENTRIES} entries or more, before an entry with a new key.
 */
export class ChunkWriter {
  private words = new Uint32Array(ENTRY_WORDS * CHUNK_ENTRIES * 2);
  private n = 0;
  private last = -1;
  /** Entries written. */
  entries = 0;

  constructor(private readonly emit: (chunk: Chunk) => void) {}

  /** Append an entry; entries must come sorted by (key, doc). */
  push(lo: number, hi: number, doc: number): void {
    this.pushKeyed(lo, hi, doc, hi * TWO32 + lo);
  }

  /** {@link push}, the entry's key (`hi` × 2^32 + `lo`) given. */
  pushKeyed(lo: number, hi: number, doc: number, key: number): void {
    if (this.n >= CHUNK_ENTRIES && key !== this.last) this.close();
    const at = ENTRY_WORDS * this.n++;
    if (at + ENTRY_WORDS > this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[at] = lo;
    this.words[at + 1] = hi;
    this.words[at + 2] = doc;
    this.last = key;
    this.entries++;
  }

  /**
   * Append all of `entries`. From a chunk boundary, chunks are cut from
   * `entries` directly (each copied once, into its bytes) rather than entry
   * by entry: the same chunks {@link push} would make.
   */
  pushAll(entries: SortedEntries): void {
    let i = 0;
    // Finish an open chunk entry by entry: until it closes, it is not a slice of `entries`.
    for (; i < entries.length && this.n > 0; i += ENTRY_WORDS) this.push(entries[i]!, entries[i + 1]!, entries[i + 2]!);
    const n = entries.length / ENTRY_WORDS;
    let from = i / ENTRY_WORDS;
    while (n - from > CHUNK_ENTRIES) {
      // A chunk closes at CHUNK_ENTRIES entries or more, before the first entry with another key.
      let to = from + CHUNK_ENTRIES;
      const lo = entries[ENTRY_WORDS * (to - 1)]!;
      const hi = entries[ENTRY_WORDS * (to - 1) + 1]!;
      while (to < n && entries[ENTRY_WORDS * to] === lo && entries[ENTRY_WORDS * to + 1] === hi) to++;
      if (to === n) break;
      this.emit({ firstKey: keyAt(entries, from), bytes: encodeArray(entries.subarray(ENTRY_WORDS * from, ENTRY_WORDS * to)) });
      this.entries += to - from;
      from = to;
    }
    // The tail stays open: later pushes may extend it.
    for (let j = ENTRY_WORDS * from; j < entries.length; j += ENTRY_WORDS) this.push(entries[j]!, entries[j + 1]!, entries[j + 2]!);
  }

  /** Close the last chunk. */
  finish(): void {
    if (this.n > 0) this.close();
  }

  private close(): void {
    this.emit({ firstKey: keyAt(this.words, 0), bytes: encodeArray(this.words.subarray(0, ENTRY_WORDS * this.n)) });
    this.n = 0;
  }
}

/** The entries of sorted `words` whose key is in `[lo, hi)` (a view). */
export function entriesInRange(words: Uint32Array, lo: number, hi: number): Uint32Array {
  const n = words.length / ENTRY_WORDS;
  const firstAtLeast = (key: number): number => {
    let a = 0;
    let b = n;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (keyAt(words, mid) < key) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  return words.subarray(ENTRY_WORDS * firstAtLeast(lo), ENTRY_WORDS * firstAtLeast(hi));
}

/** The chunk that would hold `key`: the last whose first key is not above it, or -1. */
export function chunkFor(firstKeys: Float64Array, key: number): number {
  let lo = 0;
  let hi = firstKeys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (firstKeys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Call `f` with each document of `key` in a chunk's bytes (read in place). */
export function forEachDocIn(bytes: Buffer, key: number, f: (doc: number) => void): void {
  const n = Math.floor(bytes.byteLength / (4 * ENTRY_WORDS));
  const keyOf = (i: number): number => bytes.readUInt32LE(4 * ENTRY_WORDS * i + 4) * TWO32 + bytes.readUInt32LE(4 * ENTRY_WORDS * i);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < n && keyOf(i) === key; i++) f(bytes.readUInt32LE(4 * ENTRY_WORDS * i + 8));
}
