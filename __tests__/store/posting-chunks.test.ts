/**
 * The posting list's pieces: a batch's (key, position) entries come out
 * sorted by key then position, each pair once, with each document's count
 * of distinct keys, however many buckets the sort uses; positions take their
 * rows or are dropped; chunks never split a key, a whole sorted run is cut
 * into the chunks entry-by-entry pushes make, and a key is found in the one
 * chunk the directory names; chunk bytes are read in place when aligned.
 */
import fc from 'fast-check';
import { decodeUint32, viewUint32 } from '../../src/store/blob-codec';
import { CHUNK_ENTRIES, ChunkWriter, chunkFor, docAt, ENTRY_WORDS, forEachDocIn, keepDocuments, keyAt, sortBatchPostings, type Chunk, type SortedEntries } from '../../src/store/posting-chunks';

/** The entries as [key, doc] pairs. */
function pairsOf(words: Uint32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < words.length / ENTRY_WORDS; i++) out.push([keyAt(words, i), docAt(words, i)]);
  return out;
}

/** The reference: every distinct (key, position) pair, sorted. */
function reference(keysOf: readonly number[][]): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  keysOf.forEach((keys, g) =>
    keys.forEach((k) => {
      if (!seen.has(`${k}:${g}`)) seen.add(`${k}:${g}`), out.push([k, g]);
    }),
  );
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

// 53-bit keys; a few shared high parts (one bucket of the sort) and whole keys repeated within and across documents.
const key53 = fc.oneof(
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: 0, max: 7 }).map((i) => 0x1234_5678_9abc + i),
  fc.constantFrom(0, Number.MAX_SAFE_INTEGER, 2 ** 32 - 1, 2 ** 32, 2 ** 48 + 5),
);

describe('sortBatchPostings', () => {
  test('sorted by key then position, each pair once, distinct keys counted per document', () => {
    fc.assert(
      fc.property(fc.array(fc.array(key53, { maxLength: 40 }), { maxLength: 12 }), (keysOf) => {
        const { entries, distinct } = sortBatchPostings(keysOf.map((k) => Float64Array.from(k)));
        expect(pairsOf(entries)).toEqual(reference(keysOf));
        expect(Array.from(distinct)).toEqual(keysOf.map((k) => new Set(k).size));
      }),
    );
  });

  test('a reference value: keys 2^33 + 1, 5, 2^33 in two documents', () => {
    const { entries, distinct } = sortBatchPostings([Float64Array.from([2 ** 33 + 1, 5, 5]), Float64Array.from([2 ** 33, 5])]);
    // (5, 0) (5, 1) (2^33, 1) (2^33 + 1, 0)
    expect(pairsOf(entries)).toEqual([[5, 0], [5, 1], [2 ** 33, 1], [2 ** 33 + 1, 0]]);
    expect(Array.from(distinct)).toEqual([2, 2]);
    expect(pairsOf(keepDocuments(entries, [10, 42]))).toEqual([[5, 10], [5, 42], [2 ** 33, 42], [2 ** 33 + 1, 10]]);
  });

  test('a batch large enough for finer buckets (2^12 of them here) sorts as the reference', () => {
    // 16,384 entries: 12 bucket bits for about 4 entries each; keys crowd a few high parts and repeat.
    const next = (() => {
      let x = 12345;
      return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    })();
    const keysOf = Array.from({ length: 64 }, (_, g) =>
      Array.from({ length: 256 }, (_, j) => (j % 5 === 0 ? 0x1234_5678_9abc + (j % 3) : j % 7 === 0 ? g * 1000 : (next() & 0x1fffff) * 2 ** 32 + next())),
    );
    const { entries, distinct } = sortBatchPostings(keysOf.map((k) => Float64Array.from(k)));
    expect(pairsOf(entries)).toEqual(reference(keysOf));
    expect(Array.from(distinct)).toEqual(keysOf.map((k) => new Set(k).size));
  });

  test('keepDocuments: positions with row 0 lose their entries, the others take their rows', () => {
    // Positions 0, 1, 2; keys 5 (0, 1, 2), 9 (1), 2^33 (2); position 1 not stored.
    const { entries } = sortBatchPostings([Float64Array.from([5]), Float64Array.from([9, 5]), Float64Array.from([2 ** 33, 5])]);
    expect(pairsOf(keepDocuments(entries, Float64Array.from([7, 0, 8])))).toEqual([[5, 7], [5, 8], [2 ** 33, 8]]);
    const again = sortBatchPostings([Float64Array.from([1]), Float64Array.from([2])]).entries;
    expect(() => keepDocuments(again, [9, 3])).toThrow(RangeError);
    expect(pairsOf(keepDocuments(again, [0, 0]))).toEqual([]);
  });

  test('document rows must increase with position', () => {
    const { entries } = sortBatchPostings([Float64Array.from([1]), Float64Array.from([2])]);
    expect(() => keepDocuments(entries, [7, 3])).toThrow(RangeError);
  });
});

describe('chunks', () => {
  test('pushAll cuts the chunks that pushing entry by entry cuts, from a fresh writer or an open chunk', () => {
    const keyOf = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(7), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(fc.array(fc.array(keyOf, { minLength: 10, maxLength: 40 }), { minLength: 20, maxLength: 60 }), fc.oneof(fc.constant(0), fc.nat(200)), (keysOf, before) => {
        // Several chunks' worth; key 7 in many documents runs past a chunk's size; `before` entries pushed first leave a chunk open.
        const { entries } = sortBatchPostings(keysOf.map((k) => Float64Array.from([...k, 7])));
        const split = Math.min(before, entries.length / ENTRY_WORDS) * ENTRY_WORDS;
        const cutWith = (all: boolean): { firstKey: number; words: number[] }[] => {
          const chunks: { firstKey: number; words: number[] }[] = [];
          const writer = new ChunkWriter((c) => chunks.push({ firstKey: c.firstKey, words: Array.from(decodeUint32(c.bytes)) }));
          for (let i = 0; i < split; i += ENTRY_WORDS) writer.push(entries[i]!, entries[i + 1]!, entries[i + 2]!);
          const rest = entries.subarray(split) as SortedEntries;
          if (all) writer.pushAll(rest);
          else for (let i = 0; i < rest.length; i += ENTRY_WORDS) writer.push(rest[i]!, rest[i + 1]!, rest[i + 2]!);
          writer.finish();
          expect(writer.entries).toBe(entries.length / ENTRY_WORDS);
          return chunks;
        };
        expect(cutWith(true)).toEqual(cutWith(false));
      }),
      // Several chunks a run make shrinking slow: a failure is reported as found.
      { numRuns: 60, endOnFailure: true },
    );
  });

  test('viewUint32 reads aligned bytes in place and copies others', () => {
    const bytes = Buffer.from(Uint32Array.of(1, 2, 3).buffer);
    const view = viewUint32(bytes);
    expect(Array.from(view)).toEqual([1, 2, 3]);
    bytes[0] = 9;
    expect(view[0]).toBe(9);
    const odd = Buffer.alloc(13);
    odd.set(bytes, 1);
    const copy = viewUint32(odd.subarray(1));
    expect(Array.from(copy)).toEqual([9, 2, 3]);
    odd[1] = 4;
    expect(copy[0]).toBe(9);
  });

  /** Cut entries into chunks; returns them and their first keys. */
  function cut(entries: SortedEntries): { chunks: Uint32Array[]; bytes: Buffer[]; firstKeys: Float64Array } {
    const chunks: Chunk[] = [];
    const writer = new ChunkWriter((c) => chunks.push(c));
    writer.pushAll(entries);
    writer.finish();
    return { chunks: chunks.map((c) => decodeUint32(c.bytes)), bytes: chunks.map((c) => c.bytes), firstKeys: Float64Array.from(chunks.map((c) => c.firstKey)) };
  }

  test('a key with more documents than a chunk holds stays in one chunk, and every key is found in the chunk its directory names', () => {
    const keysOf: Float64Array[] = [];
    for (let g = 0; g < 3 * CHUNK_ENTRIES; g++) keysOf.push(Float64Array.from([1000 + (g % 7) * 3, 2 ** 40 + g, 77]));
    const { entries } = sortBatchPostings(keysOf);
    const { chunks, bytes, firstKeys } = cut(entries);
    expect(chunks.length).toBeGreaterThan(3);
    for (const words of chunks) expect(words.length / ENTRY_WORDS).toBeGreaterThanOrEqual(1);
    // Key 77 is in every document: all of its entries are in one chunk.
    const holding = chunks.filter((w) => pairsOf(w).some(([k]) => k === 77));
    expect(holding).toHaveLength(1);
    const expected = new Map<number, number[]>();
    for (const [k, d] of pairsOf(entries)) expected.set(k, [...(expected.get(k) ?? []), d]);
    for (const [key, docs] of expected) {
      const n = chunkFor(firstKeys, key);
      const found: number[] = [];
      forEachDocIn(bytes[n]!, key, (d) => found.push(d));
      expect(found).toEqual(docs);
    }
    // A key below every chunk, or absent between two, is not found.
    expect(chunkFor(firstKeys, 1)).toBe(-1);
    const found: number[] = [];
    forEachDocIn(bytes[chunkFor(firstKeys, 1001)]!, 1001, (d) => found.push(d));
    expect(found).toEqual([]);
  });
});
