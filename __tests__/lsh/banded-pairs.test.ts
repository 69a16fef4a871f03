import { bandedPairs, BandingScratch, bandPairsInto, PairBuffer, sortByKey, SORT_COUNTS, type BandingInput } from '../../src/lsh/banded-pairs';
import { mix32 } from '../../src/shingle/hash';

/** Bucketing the slow way: a Map per band from the two key words to its entries. */
function referencePairs(input: BandingInput, keys: (band: number, e: number) => [number, number]) {
  const counts = new Map<string, number>();
  let buckets = 0;
  let skippedBuckets = 0;
  let largestBucket = input.count > 0 ? 1 : 0;
  for (let j = 0; j < input.bands; j++) {
    const byKey = new Map<string, number[]>();
    for (let e = 0; e < input.count; e++) {
      const key = keys(j, e).join(':');
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
    for (const entries of byKey.values()) {
      largestBucket = Math.max(largestBucket, entries.length);
      if (entries.length < 2) continue;
      if (entries.length > input.maxBucketSize) {
        skippedBuckets++;
        continue;
      }
      buckets++;
      for (const x of entries) {
        for (const y of entries) {
          if (x >= y || input.groups[x] === input.groups[y]) continue;
          const a = Math.min(input.items[x]!, input.items[y]!);
          const b = Math.max(input.items[x]!, input.items[y]!);
          counts.set(`${a},${b}`, (counts.get(`${a},${b}`) ?? 0) + 1);
        }
      }
    }
  }
  const pairs = [...counts]
    .map(([key, bands]) => {
      const [a, b] = key.split(',').map(Number) as [number, number];
      return { a, b, bands };
    })
    .sort((p, q) => p.a - q.a || p.b - q.b);
  return { pairs, buckets, skippedBuckets, largestBucket };
}

describe('bandedPairs', () => {
  it('finds exactly the bucket pairs of a slow reference, keys spread over all 32 bits', () => {
    // Keys drawn from a few values that differ in one radix digit only (bits 0–10,
    // 11–21 or 22–31) or in the sign bit, so a wrong digit pass would split or merge buckets.
    const palette = [0, 1, 0x7ff, 0x800, 0x3ff800, 0x400000, 0x7fffffff, 0x80000000, 0xffc00000, 0xffffffff];
    for (const count of [0, 1, 2, 9, 60, 300]) {
      const bands = 4;
      const key = (band: number, e: number): [number, number] => [
        palette[mix32(band * 1000 + e) % palette.length]!,
        mix32(band * 7 + e) % 3 === 0 ? 1 : 0,
      ];
      const input: BandingInput = {
        count,
        bands,
        items: Uint32Array.from({ length: count }, (_, e) => (e * 37) % 1009),
        groups: Uint32Array.from({ length: count }, (_, e) => e % 5),
        maxBucketSize: 40,
        fillBand: (band, key1, key2) => {
          for (let e = 0; e < count; e++) [key1[e], key2[e]] = key(band, e);
        },
      };
      const expected = referencePairs(input, key);
      const { pairs, stats } = bandedPairs(input);
      expect(pairs.map((p) => ({ ...p }))).toEqual(expected.pairs);
      expect(stats.buckets).toBe(expected.buckets);
      expect(stats.skippedBuckets).toBe(expected.skippedBuckets);
      expect(stats.largestBucket).toBe(expected.largestBucket);
      expect(stats.candidatePairs).toBe(expected.pairs.length);
    }
  });

  it('pairs entries whose keys are equal and only those, for random 32-bit keys', () => {
    const count = 5000;
    // Half the entries copy the key of an earlier entry; the rest are random.
    const k1 = new Uint32Array(count);
    for (let e = 0; e < count; e++) k1[e] = e % 2 === 1 ? k1[mix32(e) % e]! : mix32(e ^ 0xabcdef);
    const input: BandingInput = {
      count,
      bands: 1,
      items: Uint32Array.from({ length: count }, (_, e) => e),
      groups: Uint32Array.from({ length: count }, (_, e) => e),
      maxBucketSize: count,
      fillBand: (_band, key1, key2) => {
        key1.set(k1);
        key2.fill(0);
      },
    };
    const expected = referencePairs(input, (_band, e) => [k1[e]!, 0]);
    expect(bandedPairs(input).pairs.map((p) => ({ ...p }))).toEqual(expected.pairs);
  });

  it('gives the same pairs with one scratch and pair list reused across inputs, and null items as identity', () => {
    // Inputs of falling sizes through one scratch sized for the first: a buffer
    // left holding an earlier input's keys, counts or pairs would show here.
    const scratch = new BandingScratch(400);
    const pairs = new PairBuffer();
    for (const [count, seed] of [[400, 1], [250, 2], [400, 3], [37, 4]] as const) {
      const key = (band: number, e: number): [number, number] => [mix32(seed * 9973 + band * 1000 + (e % 60)) % 97, (e + band) % 4 === 0 ? 1 : 0];
      const input: BandingInput = {
        count,
        bands: 3,
        items: Uint32Array.from({ length: count }, (_, e) => e),
        groups: Uint32Array.from({ length: count }, (_, e) => e % 7),
        maxBucketSize: 30,
        fillBand: (band, key1, key2) => {
          for (let e = 0; e < count; e++) [key1[e], key2[e]] = key(band, e);
        },
      };
      const expected = referencePairs(input, key);
      pairs.clear();
      const stats = bandPairsInto({ ...input, items: null }, scratch, pairs);
      const got: { a: number; b: number; bands: number }[] = [];
      pairs.forEachCounted((a, b, bands) => got.push({ a, b, bands }));
      expect(got).toEqual(expected.pairs);
      expect(stats.buckets).toBe(expected.buckets);
      expect(stats.largestBucket).toBe(expected.largestBucket);
    }
  });

  it('PairBuffer.forEachCountedFrom gives, part by part, what forEachCounted gives at once, a run never split between parts', () => {
    const fill = (pairs: PairBuffer): void => {
      for (let i = 0; i < 500; i++) pairs.push(i % 13, 20 + (i % 7));
      for (let i = 0; i < 40; i++) pairs.push(3, 4);
    };
    const whole = new PairBuffer();
    fill(whole);
    const expected: number[][] = [];
    whole.forEachCounted((a, b, times) => expected.push([a, b, times]));
    for (const part of [1, 5, 64, 1000]) {
      const parts = new PairBuffer();
      fill(parts);
      const count = parts.sort();
      expect(count).toBe(540);
      const got: number[][] = [];
      let calls = 0;
      for (let p = 0; p < count; calls++) {
        const next = parts.forEachCountedFrom(count, p, p + part, (a, b, times) => got.push([a, b, times]));
        expect(next).toBeGreaterThan(p);
        p = next;
      }
      expect(got).toEqual(expected);
      if (part < 540) expect(calls).toBeGreaterThan(1);
    }
  });

  it('sortByKey orders entries as a sort of (key, entry) does, whatever the keys: hashes, repeats, large buckets, small keys', () => {
    const kinds: Record<string, (e: number, n: number) => number> = {
      hashes: (e) => mix32(e * 7919 + 1),
      repeats: (e) => mix32(e % 37),
      'a large bucket among others': (e) => (e % 3 === 0 ? mix32(5) : mix32(e)),
      'small keys': (e) => e % 97,
      'top bits all alike': (e) => mix32(e) >>> 8,
      'two large buckets, interleaved': (e) => (e % 2 === 0 ? 0x80000001 : 0x80000002) >>> 0,
    };
    for (const [kind, key] of Object.entries(kinds)) {
      for (const count of [0, 1, 2, 3, 64, 100, 512, 1000, 40_000]) {
        const keys = Uint32Array.from({ length: count }, (_, e) => key(e, count) >>> 0);
        const order = new Uint32Array(count);
        const sortedKeys = new Uint32Array(count);
        sortByKey(keys, count, order, sortedKeys, new Uint32Array(count), new Uint32Array(count), new Int32Array(SORT_COUNTS));
        const expected = Array.from({ length: count }, (_, e) => e).sort((x, y) => keys[x]! - keys[y]! || x - y);
        expect({ kind, count, order: Array.from(order) }).toEqual({ kind, count, order: expected });
        expect(Array.from(sortedKeys)).toEqual(expected.map((e) => keys[e]));
      }
    }
  });

  it('refuses a scratch smaller than the input', () => {
    const input = { count: 5, bands: 1, items: null, groups: new Uint32Array(5), maxBucketSize: 5, fillBand: () => undefined };
    expect(() => bandPairsInto(input, new BandingScratch(4), new PairBuffer())).toThrow(/scratch for 4 entries, 5 asked/);
  });
});
