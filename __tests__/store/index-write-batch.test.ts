/**
 * A write batch as `index add` makes it: signed as one task whose band keys
 * come back sorted ('index-sign-batch'), written as they are
 * (`IndexStore.writeSorted`): the same signatures and keys as the scan's own
 * signing, positions of articles not stored (unchanged, or named again later
 * in the batch) dropped with their keys, and a failed write stops the run.
 */
import { join } from 'node:path';
import type { Article } from '../../src';
import { lowBits } from '../../src/minhash';
import { resolveOptions } from '../../src/options';
import { createWindowHasher, resolveBanding, signWindows } from '../../src/pipeline/find-candidates';
import { addArticlesToIndex, writeBatchSize } from '../../src/pipeline/index-articles';
import { openIndex } from '../../src/pipeline/open-index';
import { unpackArray } from '../../src/pipeline/packed-arrays';
import { indexTaskHandler, transferOfResult, type IndexTaskResult } from '../../src/pipeline/scan-tasks';
import { NO_BLOCKED_GRAMS } from '../../src/pipeline/find-boilerplate';
import { sketchDocument, sketchSettingsOf } from '../../src/pipeline/sketch-document';
import { computeWindowBandKeys, encodeText, sortBatchPostings, type IndexRow, type IndexStore } from '../../src/store';
import { tempDir } from '../helpers/temp-dir';

const TEXTS = [
  'The council approved the budget on Monday. The mayor said the vote came after months of debate over schools and roads. Opponents said the plan raised taxes too far.',
  '',
  'Rain is expected across the region this weekend, forecasters said. Rivers could rise by two metres. Residents near the banks were told to prepare sandbags and to listen for warnings.',
  'Short.',
];

function tempStore(): IndexStore {
  return openIndex(join(tempDir('reprint-write-batch-'), 'index.db'), {}, { create: true }).store;
}

function expectKind<K extends IndexTaskResult['kind']>(result: IndexTaskResult, kind: K): Extract<IndexTaskResult, { kind: K }> {
  expect(result.kind).toBe(kind);
  return result as Extract<IndexTaskResult, { kind: K }>;
}

describe('writeBatchSize', () => {
  test('an eighth of the run in multiples of 128, from 512 to 2048 articles', () => {
    // ⌈n / 8 / 128⌉ × 128, clamped: 700 → 128 → 512; 10,000 → 1,280; 100,000 → 12,544 → 2,048.
    expect(writeBatchSize(0)).toBe(512);
    expect(writeBatchSize(700)).toBe(512);
    expect(writeBatchSize(4000)).toBe(512);
    expect(writeBatchSize(10_000)).toBe(1280);
    expect(writeBatchSize(100_000)).toBe(2048);
  });
});

describe("'index-sign-batch'", () => {
  const options = resolveOptions();
  const data = { options, blocked: NO_BLOCKED_GRAMS };
  const { bands, rows } = resolveBanding(options);

  test("gives the low bits of the scan's signatures and the batch's store keys sorted together, across its sketch batches", () => {
    const handle = indexTaskHandler(data);
    const first = expectKind(handle({ kind: 'index-sketch', texts: TEXTS.slice(0, 3) }), 'index-sketch');
    const second = expectKind(handle({ kind: 'index-sketch', texts: TEXTS.slice(3) }), 'index-sketch');
    const signed = expectKind(handle({ kind: 'index-sign-batch', sketches: [first.sketches, second.sketches] }), 'index-sign-batch');
    const hasher = createWindowHasher(options);
    const reference = TEXTS.map((t) => signWindows(sketchDocument(t, sketchSettingsOf(options)), hasher, options.shingleSize));
    expect(reference.filter((s) => s.length > 0).length).toBeGreaterThan(1);
    reference.forEach((s, d) => expect(unpackArray(signed.signatures, d)).toEqual(lowBits(s)));
    const expected = sortBatchPostings(reference.map((s) => computeWindowBandKeys(s, options.numPerm, bands, rows)));
    expect(Array.from(signed.postings.entries)).toEqual(Array.from(expected.entries));
    expect(Array.from(signed.postings.distinct)).toEqual(Array.from(expected.distinct));
    // signatures (values, ends), the entries, the distinct counts: each moved once.
    expect(new Set(transferOfResult(signed)).size).toBe(4);
  });
});

describe('IndexStore.writeSorted', () => {
  /** A row for `id` (the rest is filler the store keeps as given). */
  function row(id: string, version: string): IndexRow {
    const article: Article = { id, path: null, text: `text of ${id} ${version}`, meta: { outlet: null } as Article['meta'] };
    return { article, hash: `${id}-${version}`, storedText: encodeText(article.text), signatures: new Uint16Array(128), grams: new Uint32Array(0) };
  }
  /** Ids of the documents each key finds. */
  function answer(store: IndexStore, keys: readonly number[]): Record<number, string[]> {
    const out: Record<number, string[]> = {};
    for (const [key, docs] of store.lookup(keys, 100).buckets) out[key] = docs.map((d) => store.readDocument(d)!.article.id).sort();
    return out;
  }

  test('positions not stored lose their keys; the later version of an id wins; counts as write gives them', () => {
    const store = tempStore();
    expect(store.writeSorted([row('a', '1')], sortBatchPostings([Float64Array.of(10, 11)]))).toEqual({ added: 1, replaced: 0, unchanged: 0 });
    // Positions: 0 'a' unchanged, 1 'b' (superseded by 3), 2 'c', 3 'b' again.
    const postings = sortBatchPostings([Float64Array.of(10, 11), Float64Array.of(20, 21), Float64Array.of(30, 2 ** 40), Float64Array.of(20, 22, 22)]);
    const counts = store.writeSorted([row('a', '1'), row('b', '1'), row('c', '1'), row('b', '2')], postings);
    expect(counts).toEqual({ added: 2, replaced: 0, unchanged: 1 });
    expect(answer(store, [10, 11, 20, 21, 22, 30, 2 ** 40])).toEqual({ 10: ['a'], 11: ['a'], 20: ['b'], 22: ['b'], 30: ['c'], [2 ** 40]: ['c'] });
    expect(store.readDocument(store.lookup([22], 10).buckets.get(22)![0]!)!.article.text).toBe('text of b 2');
    // Key counts per live document: a 2, c 2, b 2 (20, 22); nothing of position 1 is left.
    const census = store.postingCensus();
    expect(census.dead).toBe(0);
    expect([...census.perDocument.values()].sort()).toEqual([2, 2, 2]);
    store.close();
  });

  test('postings for another number of documents than the batch are refused', () => {
    const store = tempStore();
    expect(() => store.writeSorted([row('a', '1')], sortBatchPostings([Float64Array.of(1), Float64Array.of(2)]))).toThrow(/postings of 2 documents for a batch of 1/);
    store.close();
  });
});

describe('addArticlesToIndex', () => {
  test('an index in memory (no file for other connections) is merged at the end by its own connection', async () => {
    const { store, options } = openIndex(':memory:', {}, { create: true });
    expect(store.shareable).toBe(false);
    const articles: Article[] = Array.from({ length: 1100 }, (_, i) => ({
      id: `m${i}`,
      path: null,
      text: `Story ${i} begins here. Officials said item ${i} cost ${i * 3} dollars on day ${i % 28}.`,
      meta: { outlet: null } as Article['meta'],
    }));
    // Three write batches, three segments, one at the end.
    const result = await addArticlesToIndex(store, articles, options);
    expect(result.documents).toBe(1100);
    expect(store.countSegments()).toBe(1);
    await expect(store.settleWith(() => Promise.resolve())).rejects.toThrow(/needs an index file/);
    store.close();
  });

  // Three batches of 512: a write in the middle of the run or the last one failing stops the run, what was written before it kept.
  test.each([
    [2, 512],
    [3, 1024],
  ])('a write that fails (call %i) stops the run with its error, %i articles committed before it', async (failing, committed) => {
    const { store, options } = openIndex(join(tempDir('reprint-write-fail-'), 'index.db'), {}, { create: true });
    const articles: Article[] = Array.from({ length: 3 * 512 }, (_, i) => ({
      id: `x${i}`,
      path: null,
      text: `Story ${i} begins here. Officials said item ${i} cost ${i * 3} dollars on day ${i % 28}.`,
      meta: { outlet: null } as Article['meta'],
    }));
    const real = store.writeSorted.bind(store);
    let calls = 0;
    store.writeSorted = (rows, postings) => {
      if (++calls === failing) throw new Error('disk full (test)');
      return real(rows, postings);
    };
    await expect(addArticlesToIndex(store, articles, options)).rejects.toThrow('disk full (test)');
    expect(calls).toBe(failing);
    expect(store.countDocuments()).toBe(committed);
    store.close();
  });
});
