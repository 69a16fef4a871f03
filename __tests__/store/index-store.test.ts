/**
 * The index store through the library: adding is idempotent, changed content
 * replaces the stored version (its band keys with it), removing deletes rows
 * and band keys, parameters are recorded and a mismatch is an error naming
 * the parameter and both values.
 */
import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { ParameterMismatchError, openIndexStore, type Article } from '../../src';
import { addArticlesToIndex } from '../../src/pipeline/index-articles';
import { openIndex } from '../../src/pipeline/open-index';
import { readArticles } from '../../src/pipeline/read-articles';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = resolve(__dirname, '../../samples');

function tempIndex(): string {
  return join(tempDir('reprint-store-'), 'index.db');
}

/** Posting entries per document id, as the store counts them; entries of removed or replaced documents are never counted as theirs. */
function bandRows(file: string): Map<string, number> {
  const store = openIndexStore(file);
  const { perDocument } = store.postingCensus();
  store.close();
  const db = new Database(file, { readonly: true });
  const ids = new Map((db.prepare('SELECT doc, id, keyCount FROM docs').all() as { doc: number; id: string; keyCount: number }[]).map((r) => [r.doc, r]));
  db.close();
  const out = new Map<string, number>();
  for (const [doc, n] of perDocument) {
    const row = ids.get(doc)!;
    expect(n).toBe(row.keyCount);
    out.set(row.id, n);
  }
  expect(out.size).toBe(ids.size);
  return out;
}

describe('index store', () => {
  let samples: Article[];
  beforeAll(async () => {
    samples = (await readArticles([SAMPLES], {})).articles;
    expect(samples).toHaveLength(5);
  });

  test('adding the same articles twice stores them once', async () => {
    const file = tempIndex();
    const { store, options } = openIndex(file, {}, { create: true });
    expect(await addArticlesToIndex(store, samples, options)).toMatchObject({ added: 5, replaced: 0, unchanged: 0, documents: 5 });
    const before = bandRows(file);
    expect(await addArticlesToIndex(store, samples, options)).toMatchObject({ added: 0, replaced: 0, unchanged: 5, documents: 5 });
    store.close();
    expect(bandRows(file)).toEqual(before);
    // Every article has band keys: 37 bands × its signed windows, less keys shared between windows.
    for (const a of samples) expect(before.get(a.id)).toBeGreaterThan(37);
  });

  test('an article stored before owner groups were kept (no outletGroup in its metadata) reads back with none', async () => {
    const file = tempIndex();
    const { store, options } = openIndex(file, {}, { create: true });
    await addArticlesToIndex(store, samples.slice(0, 1), options);
    store.close();
    const db = new Database(file);
    const { doc, meta } = db.prepare('SELECT doc, meta FROM docs').get() as { doc: number; meta: string };
    const { outletGroup: _dropped, ...old } = JSON.parse(meta) as Record<string, unknown>;
    db.prepare('UPDATE docs SET meta = ? WHERE doc = ?').run(JSON.stringify(old), doc);
    db.close();
    const again = openIndex(file, {}).store;
    const stored = again.readDocument(doc);
    again.close();
    expect(stored?.article.meta.outletName).toBe(samples[0]!.meta.outletName);
    expect(stored?.article.meta.outletGroup).toBeNull();
  });

  test('changed content replaces the stored version and its band keys', async () => {
    const file = tempIndex();
    const { store, options } = openIndex(file, {}, { create: true });
    await addArticlesToIndex(store, samples, options);
    const first = samples[0]!;
    const changed: Article = { ...first, text: 'A correction replaces this article entirely. It is now about tides, harbours and the weather over the bay this week.' };
    expect(await addArticlesToIndex(store, [changed], options)).toMatchObject({ added: 0, replaced: 1, unchanged: 0, documents: 5 });
    store.close();
    // The id's band keys are the new text's alone: as many as the new text gets in an index of its own.
    const alone = tempIndex();
    const other = openIndex(alone, {}, { create: true });
    await addArticlesToIndex(other.store, [changed], other.options);
    other.store.close();
    const expected = bandRows(alone).get(first.id);
    expect(expected).toBeGreaterThan(0);
    const rows = bandRows(file);
    expect(rows.get(first.id)).toBe(expected);
    expect(rows.get(first.id)).toBeLessThan(37 * 3);
    const db = new Database(file, { readonly: true });
    const docs = db.prepare('SELECT id, length FROM docs WHERE id = ?').all(first.id) as { id: string; length: number }[];
    db.close();
    expect(docs).toEqual([{ id: first.id, length: changed.text.length }]);
  });

  test('removing deletes the article and its band keys', async () => {
    const file = tempIndex();
    const { store, options } = openIndex(file, {}, { create: true });
    await addArticlesToIndex(store, samples, options);
    expect(store.remove([samples[1]!.id, 'no-such-id'])).toEqual(['no-such-id']);
    expect(store.countDocuments()).toBe(4);
    store.close();
    expect([...bandRows(file).keys()].sort()).toEqual(samples.filter((_, i) => i !== 1).map((a) => a.id).sort());
  });

  test('opening with another parameter names it and both values', () => {
    const file = tempIndex();
    openIndex(file, { numPerm: 64 }, { create: true }).store.close();
    expect(() => openIndex(file, { numPerm: 128 })).toThrow(ParameterMismatchError);
    expect(() => openIndex(file, { numPerm: 128 })).toThrow(/numPerm 64, not 128/);
    expect(() => openIndex(file, { shingleSize: 5 })).toThrow(/shingleSize 3, not 5/);
    // Left out, the index's own values are used.
    const { store, options } = openIndex(file, {});
    expect(options.numPerm).toBe(64);
    store.close();
  });

  test('keeps the blocked k-grams by rule, with their counts; an index from before the near ones were kept has none', () => {
    const file = tempIndex();
    const { store } = openIndex(file, {}, { create: true });
    const u32 = (...v: number[]): Uint32Array => Uint32Array.from(v);
    const blocked = { always: u32(3, 9), everywhere: u32(5, 7), everywhereCounts: u32(40, 41), near: u32(2, 11, 12), nearCounts: u32(20, 25, 30) };
    store.saveBlocked(blocked, 80);
    store.close();
    const again = openIndex(file, {}).store;
    const read = again.readBlocked();
    again.close();
    expect(read.documents).toBe(80);
    const lists = (b: typeof blocked): Record<string, number[]> => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Array.from(v)]));
    expect(lists(read.blocked)).toEqual(lists(blocked));
    // Before the near k-grams were kept: no such state.
    const db = new Database(file);
    db.prepare("DELETE FROM state WHERE name = 'blockedNear'").run();
    db.close();
    const old = openIndex(file, {}).store;
    const oldRead = old.readBlocked().blocked;
    old.close();
    expect(lists(oldRead)).toEqual({ ...lists(blocked), near: [], nearCounts: [] });
  });
});
