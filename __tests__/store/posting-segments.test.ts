/**
 * The posting segments through the store, with band keys chosen by hand:
 * a lookup answers what a plain map of (key → live documents) answers,
 * whatever merges happened (by level as batches are written, the smallest at
 * the end of a run, all of them at vacuum); removed and replaced articles
 * are never answered, and a bucket is oversized by its live documents only
 * (it then answers its earliest archived ones).
 */
import Database from 'better-sqlite3';
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Article } from '../../src';
import { openIndex } from '../../src/pipeline/open-index';
import { encodeText, sortBatchPostings, type IndexEntry, type IndexStore } from '../../src/store';
import { BULK_MERGE_FANIN, keyRanges, MERGE_FANIN, SegmentRangeReader } from '../../src/store/posting-segments';
import { tempDir } from '../helpers/temp-dir';

const NUM_PERM = 128;

function tempStore(): IndexStore {
  return openIndex(join(tempDir('reprint-segments-'), 'index.db'), {}, { create: true }).store;
}

/** The posting tables of an index file, byte for byte (chunks by id, segments by number). */
function postingTables(file: string): { chunks: string[]; segments: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = (sql: string): string[] => (db.prepare(sql).raw().all() as unknown[][]).map((row) => row.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : String(v))).join(' '));
    return { chunks: rows('SELECT id, data FROM chunks ORDER BY id'), segments: rows('SELECT seg, level, entries, chunks, directory FROM segments ORDER BY seg') };
  } finally {
    db.close();
  }
}

/** An entry for `id` with band keys `keys` (the rest is filler the store keeps as given). */
function entry(id: string, keys: readonly number[], version = 'a'): IndexEntry {
  const article: Article = { id, path: null, text: `text of ${id} ${version}`, meta: { outlet: null } as Article['meta'] };
  return { article, hash: `${id}-${version}`, storedText: encodeText(article.text), signatures: new Uint16Array(NUM_PERM), keys: Float64Array.from(keys), grams: new Uint32Array(0) };
}

/** Ids of the documents `store` answers for each key, as the lookup gives them. */
function answer(store: IndexStore, keys: readonly number[], maxBucket = 1000): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [key, docs] of store.lookup(keys, maxBucket).buckets) out.set(key, docs.map((d) => store.readDocument(d)!.article.id).sort());
  return out;
}

/** A small deterministic generator of 53-bit keys. */
function keyStream(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => (next32() & 0x1fffff) * 2 ** 32 + next32();
}

describe('posting segments', () => {
  test('lookups match a plain map through level merges, replacements, removals, the end-of-run merge and vacuum', () => {
    const store = tempStore();
    const next = keyStream(7);
    const shared = [next(), next(), next()];
    /** The reference: live id → its keys. */
    const truth = new Map<string, number[]>();
    const batches = MERGE_FANIN * 2 + 3;
    for (let b = 0; b < batches; b++) {
      const batch: IndexEntry[] = [];
      for (let i = 0; i < 4; i++) {
        const id = `a${b}-${i}`;
        const keys = [next(), next(), shared[(b + i) % 3]!, next()];
        keys.push(keys[0]!); // a repeat: stored once
        batch.push(entry(id, keys));
        truth.set(id, keys);
      }
      store.write(batch);
    }
    // Full levels were merged as batches came: fewer segments than batches.
    expect(store.countSegments()).toBeLessThan(MERGE_FANIN);
    // Replace one article (new keys), remove another.
    const replacedKeys = [next(), shared[0]!];
    store.write([entry('a3-1', replacedKeys, 'b')]);
    truth.set('a3-1', replacedKeys);
    expect(store.remove(['a5-2'])).toEqual([]);
    truth.delete('a5-2');

    const allKeys = [...new Set([...truth.values()].flat())];
    const expected = (): Map<number, string[]> => {
      const m = new Map<number, string[]>();
      for (const [id, keys] of truth) for (const k of new Set(keys)) m.set(k, [...(m.get(k) ?? []), id].sort());
      return m;
    };
    const gone = [next(), next()]; // keys nobody has
    expect(answer(store, [...allKeys, ...gone])).toEqual(expected());
    // The removed and replaced versions' entries are still in segments, counted as dead.
    expect(store.postingCensus().dead).toBeGreaterThan(0);

    // The end of a run: the segments other than the largest hold more than a quarter of it, so all become one.
    expect(store.countSegments()).toBeGreaterThan(2);
    store.settle();
    expect(store.countSegments()).toBe(1);
    expect(answer(store, allKeys)).toEqual(expected());

    // A small run on a larger index: its batches become one segment beside the large one, not folded into it.
    const small = [next(), next()];
    store.write([entry('late-1', [small[0]!, shared[1]!])]);
    store.write([entry('late-2', [small[1]!])]);
    truth.set('late-1', [small[0]!, shared[1]!]);
    truth.set('late-2', [small[1]!]);
    allKeys.push(...small);
    expect(store.countSegments()).toBe(3);
    store.settle();
    expect(store.countSegments()).toBe(2);
    expect(answer(store, allKeys)).toEqual(expected());

    store.vacuum();
    expect(store.countSegments()).toBe(1);
    const census = store.postingCensus();
    expect(census.dead).toBe(0);
    expect([...census.perDocument.values()].reduce((a, b) => a + b, 0)).toBe([...truth.values()].reduce((a, k) => a + new Set(k).size, 0));
    expect(answer(store, allKeys)).toEqual(expected());
    store.close();
  });

  test('a bulk run keeps one segment per batch until its end, then one merge answers as a plain map does', () => {
    const store = tempStore();
    const next = keyStream(11);
    const shared = [next(), next(), next(), next()];
    const truth = new Map<string, number[]>();
    // More batches than any level fan-in: a bulk run merges none of them on the way.
    const batches = 70;
    for (let b = 0; b < batches; b++) {
      const batch: IndexEntry[] = [];
      for (let i = 0; i < 5; i++) {
        const id = `b${b}-${i}`;
        // Shared keys in every batch: equal keys meet across many segments in the final merge.
        const keys = [next(), shared[(b + i) % 4]!, next(), shared[(b * 3 + i) % 4]!];
        batch.push(entry(id, keys));
        truth.set(id, keys);
      }
      store.writeSorted(batch, sortBatchPostings(batch.map((e) => e.keys)), BULK_MERGE_FANIN);
    }
    expect(store.countSegments()).toBe(batches);
    const expected = new Map<number, string[]>();
    for (const [id, keys] of truth) for (const k of new Set(keys)) expected.set(k, [...(expected.get(k) ?? []), id].sort());
    const allKeys = [...expected.keys()];
    expect(answer(store, allKeys)).toEqual(expected);
    store.settle();
    expect(store.countSegments()).toBe(1);
    expect(answer(store, allKeys)).toEqual(expected);
    const census = store.postingCensus();
    expect([...census.perDocument.values()].reduce((a, b) => a + b, 0)).toBe([...truth.values()].reduce((a, k) => a + new Set(k).size, 0));
    store.close();
  });

  test('the end-of-run merge done key range by key range on other connections writes the very segment the one-thread merge writes', async () => {
    const ranges = keyRanges(7);
    // Keys on and just below range bounds, shared by documents of many batches: a range cuts between equal keys' neighbours.
    const onBounds = ranges.slice(1).flatMap(([lo]) => [lo - 1, lo]);
    /** Live id → its keys. */
    const truth = new Map<string, number[]>();
    const build = (): IndexStore => {
      const store = tempStore();
      const next = keyStream(23);
      const write = (batch: IndexEntry[]): void => {
        store.writeSorted(batch, sortBatchPostings(batch.map((e) => e.keys)), BULK_MERGE_FANIN);
        for (const e of batch) truth.set(e.article.id, [...e.keys]);
      };
      for (let b = 0; b < 12; b++) {
        write(Array.from({ length: 30 }, (_, i) => entry(`c${b}-${i}`, [next(), next(), onBounds[(b + i) % onBounds.length]!, next(), onBounds[(b * 5 + i) % onBounds.length]!])));
      }
      // Dead entries: a removed article and a replaced one.
      store.remove(['c4-7']);
      truth.delete('c4-7');
      write([entry('c9-3', [next(), onBounds[0]!], 'b')]);
      return store;
    };
    const one = build();
    const parts = build();
    expect(parts.countSegments()).toBe(13);
    one.settle();
    let pushed = 0;
    await parts.settleWith((source, push) => {
      expect(source.segs).toHaveLength(13);
      const reader = new SegmentRangeReader(source);
      for (const [lo, hi] of ranges) {
        const entries = reader.range(lo, hi);
        pushed += entries.length / 3;
        push(entries);
      }
      reader.close();
      return Promise.resolve();
    });
    expect(parts.countSegments()).toBe(1);
    // Every live (key, document) entry once.
    expect(pushed).toBe([...truth.values()].reduce((n, keys) => n + new Set(keys).size, 0));
    const [oneFile, partsFile] = [one.file, parts.file];
    one.close();
    parts.close();
    const expected = postingTables(oneFile);
    expect(expected.chunks.length).toBeGreaterThan(1);
    expect(postingTables(partsFile)).toEqual(expected);
  });

  test('an end-of-run merge whose other threads fail leaves the segments as they were', async () => {
    const store = tempStore();
    const next = keyStream(5);
    for (let b = 0; b < 3; b++) store.writeSorted([entry(`f${b}`, [next(), next()])], sortBatchPostings([Float64Array.of(next())]), BULK_MERGE_FANIN);
    const before = postingTables(store.file);
    await expect(store.settleWith(() => Promise.reject(new Error('a worker died')))).rejects.toThrow('a worker died');
    expect(store.countSegments()).toBe(3);
    expect(postingTables(store.file)).toEqual(before);
    store.close();
  });

  test('an end-of-run merge on other connections writes the merged segment into the pages of the segments it replaces', async () => {
    const store = tempStore();
    const next = keyStream(29);
    // Eight segments of 40 documents × 60 keys: about 19,200 entries, 230 KB, 60 pages.
    for (let b = 0; b < 8; b++) {
      const batch = Array.from({ length: 40 }, (_, i) => entry(`p${b}-${i}`, Array.from({ length: 60 }, next)));
      store.writeSorted(batch, sortBatchPostings(batch.map((e) => e.keys)), BULK_MERGE_FANIN);
    }
    const file = store.file;
    const pages = (): { count: number; free: number } => {
      const db = new Database(file, { readonly: true });
      try {
        return { count: db.pragma('page_count', { simple: true }) as number, free: db.pragma('freelist_count', { simple: true }) as number };
      } finally {
        db.close();
      }
    };
    const chunkPages = (): number => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT count(*) AS n FROM dbstat WHERE name = 'chunks'").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = chunkPages();
    expect(before).toBeGreaterThan(50);
    await store.settleWith((source, push) => {
      const reader = new SegmentRangeReader(source);
      for (const [lo, hi] of keyRanges(4)) push(reader.range(lo, hi));
      reader.close();
      return Promise.resolve();
    });
    expect(store.countSegments()).toBe(1);
    store.close();
    // Deleted after the merge, the old segments' pages would all be free and the file would hold both copies.
    const after = pages();
    expect(after.free).toBeLessThan(before / 4);
    expect(chunkPages()).toBeLessThanOrEqual(before + 2);
  });

  test('an oversized bucket gives its earliest maxBucket live documents and is named so, counting live ones only', () => {
    const store = tempStore();
    const next = keyStream(11);
    const common = next();
    const other = next();
    store.write([1, 2, 3, 4, 5].map((i) => entry(`d${i}`, [common, next()])));
    store.write([entry('e1', [other])]);
    const capped = store.lookup([common, other], 3);
    expect([...capped.oversized]).toEqual([common]);
    expect(answer(store, [common, other], 3)).toEqual(
      new Map([
        [common, ['d1', 'd2', 'd3']],
        [other, ['e1']],
      ]),
    );
    expect(store.lookup([common], 5).oversized.size).toBe(0);
    expect(answer(store, [common], 5).get(common)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    store.remove(['d1', 'd4']);
    expect(store.lookup([common], 3).oversized.size).toBe(0);
    expect(answer(store, [common], 3).get(common)).toEqual(['d2', 'd3', 'd5']);
    store.close();
  });

  test('the earliest archived documents of an oversized bucket, whatever segments they are in', () => {
    const store = tempStore();
    const next = keyStream(13);
    const common = next();
    const batch = (ids: number[]): IndexEntry[] => ids.map((i) => entry(`d${i}`, [common, next(), next()]));
    // A small segment, a large one, a small one: the end of the run merges the
    // two small ones into a segment after the large one, so the oldest
    // documents (d1–d3) come last in segment order.
    store.write(batch([1, 2, 3]));
    store.write(batch(Array.from({ length: 60 }, (_, i) => i + 4)));
    store.write(batch([64]));
    store.settle();
    expect(store.countSegments()).toBe(2);
    const { buckets, oversized } = store.lookup([common], 5);
    expect(oversized.has(common)).toBe(true);
    const docs = buckets.get(common)!;
    expect(docs).toEqual([...docs].sort((a, b) => a - b));
    expect(docs.map((d) => store.readDocument(d)!.article.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    store.close();
  });

  test('a merge whose file is gone under it says so about the file, not as an internal error', () => {
    const file = join(tempDir('reprint-segments-'), 'gone.db');
    let error: unknown;
    try {
      new SegmentRangeReader({ file, segs: [1, 2], entries: 0, live: new Uint8Array(0) });
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${file}: cannot use index (unable to open database file)`);
  });

  test('a merge that cannot read its segments closes the file it opened', () => {
    const store = tempStore();
    const file = store.file;
    store.close();
    // This process's descriptors open on the file (Linux: /proc/self/fd).
    const openOnFile = (): number =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === file;
        } catch {
          return false; // the descriptor readdir itself used, closed since
        }
      }).length;
    expect(() => new SegmentRangeReader({ file, segs: [404], entries: 0, live: new Uint8Array(0) })).toThrow('segment 404 is gone while it is merged');
    expect(openOnFile()).toBe(0);
  });
});
