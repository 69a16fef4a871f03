/**
 * The posting list's on-disk pieces, as pure functions: (key, doc) entries
 * sorted by key then doc, cut into chunks of about {@link CHUNK_ENTRIES}
 * entries. An entry is three little-endian uint32 words: the low 32 bits of
 * the 53-bit band key, its high 21 bits, the document's row number. A chunk
 * never splits one key's entries (it grows past the target to finish a key),
 * so a key is looked up in one chunk: the last one whose first key is not
 * above it.
 */

/** Entries a chunk aims at: 160 × 12 bytes, two chunks to a 4 KB page. */
export const CHUNK_ENTRIES = 160;
/** uint32 words per entry. */
export const ENTRY_WORDS = 3;

const TWO32 = 0x100000000;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Bits of a document's position in its batch when a batch is sorted packed (see {@link sortPostings}). */
const GROUP_BITS = 11;
const MAX_PACKED_GROUPS = 1 << GROUP_BITS;

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
 * order, repeats allowed), sorted by key then position, each pair once. Up
 * to 2,048 documents are sorted packed: key and position in one 64-bit
 * integer (53 + 11 bits), sorted natively; more are sorted by comparison.
 */
export function sortBatchPostings(keysOf: readonly Float64Array[]): SortedBatch {
  let n = 0;
  for (const keys of keysOf) n += keys.length;
  const out = new Uint32Array(ENTRY_WORDS * n);
  const distinct = new Uint32Array(keysOf.length);
  let m = 0;
  const put = (key: number, g: number): void => {
    if (m > 0 && docAt(out, m - 1) === g && keyAt(out, m - 1) === key) return;
    putEntry(out, m++, key, g);
    distinct[g]!++;
  };
  if (LITTLE_ENDIAN && keysOf.length <= MAX_PACKED_GROUPS) {
    const packed = new BigUint64Array(n);
    const words = new Uint32Array(packed.buffer);
    let i = 0;
    keysOf.forEach((keys, g) => {
      for (const key of keys) {
        const lo = key >>> 0;
        const hi = (key - lo) / TWO32;
        words[2 * i] = (lo << GROUP_BITS) | g;
        words[2 * i + 1] = (hi << GROUP_BITS) | (lo >>> (32 - GROUP_BITS));
        i++;
      }
    });
    packed.sort();
    for (let j = 0; j < n; j++) {
      const w0 = words[2 * j]!;
      const w1 = words[2 * j + 1]!;
      put((w1 >>> GROUP_BITS) * TWO32 + (((w0 >>> GROUP_BITS) | (w1 << (32 - GROUP_BITS))) >>> 0), w0 & (MAX_PACKED_GROUPS - 1));
    }
  } else {
    const keys = new Float64Array(n);
    const groups = new Uint32Array(n);
    let i = 0;
    keysOf.forEach((ks, g) => {
      for (const key of ks) (keys[i] = key), (groups[i++] = g);
    });
    const order = Uint32Array.from({ length: n }, (_, j) => j).sort((a, b) => keys[a]! - keys[b]! || groups[a]! - groups[b]!);
    for (const j of order) put(keys[j]!, groups[j]!);
  }
  return { entries: out.subarray(0, ENTRY_WORDS * m) as SortedEntries, distinct };
}

/**
 * The entries with each position replaced by its document's row number;
 * rows must increase with position, so the order holds.
 */
export function withDocuments(entries: SortedEntries, docs: readonly number[]): SortedEntries {
  for (let i = 1; i < docs.length; i++) if (!(docs[i]! > docs[i - 1]!)) throw new RangeError('document rows must increase with position');
  for (let i = ENTRY_WORDS - 1; i < entries.length; i += ENTRY_WORDS) entries[i] = docs[entries[i]!]!;
  return entries;
}

/** Write entry `i` of `words`. */
function putEntry(words: Uint32Array, i: number, key: number, doc: number): void {
  const lo = key >>> 0;
  words[ENTRY_WORDS * i] = lo;
  words[ENTRY_WORDS * i + 1] = (key - lo) / TWO32;
  words[ENTRY_WORDS * i + 2] = doc;
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
    const key = hi * TWO32 + lo;
    if (this.n >= CHUNK_ENTRIES && key !== this.last) this.close();
    if (ENTRY_WORDS * (this.n + 1) > this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    const at = ENTRY_WORDS * this.n++;
    this.words[at] = lo;
    this.words[at + 1] = hi;
    this.words[at + 2] = doc;
    this.last = key;
    this.entries++;
  }

  /** Append all of `entries`. */
  pushAll(entries: SortedEntries): void {
    for (let i = 0; i < entries.length; i += ENTRY_WORDS) this.push(entries[i]!, entries[i + 1]!, entries[i + 2]!);
  }

  /** Close the last chunk. */
  finish(): void {
    if (this.n > 0) this.close();
  }

  private close(): void {
    this.emit({ firstKey: keyAt(this.words, 0), bytes: encodeWords(this.words.subarray(0, ENTRY_WORDS * this.n)) });
    this.n = 0;
  }
}

/** Words as little-endian bytes (a copy). */
export function encodeWords(words: Uint32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
  const out = Buffer.alloc(words.byteLength);
  words.forEach((w, i) => out.writeUInt32LE(w, 4 * i));
  return out;
}

/** The words of {@link encodeWords}'s bytes (a copy, aligned). */
export function decodeWords(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.byteLength >>> 2);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes.subarray(0, out.byteLength));
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getUint32(4 * i, true);
  }
  return out;
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

/** Call `f` with each document of `key` in a chunk's entries. */
export function forEachDocOf(words: Uint32Array, key: number, f: (doc: number) => void): void {
  const n = words.length / ENTRY_WORDS;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(words, mid) < key) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < n && keyAt(words, i) === key; i++) f(docAt(words, i));
}
