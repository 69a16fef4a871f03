/**
 * The index's worker tasks ('index-sketch', 'index-sign-batch') give what the index
 * stores of the scan's own sketch and sign steps — the deflated text, the low
 * 16 bits of the signatures, the sorted distinct band keys — packed a batch
 * at a time, and name every buffer of the packing to be moved.
 */
import { resolveOptions } from '../../src/options';
import { lowBits } from '../../src/minhash';
import { computeStoreBandKeys, encodeText } from '../../src/store';
import { docAt, keyAt } from '../../src/store/posting-chunks';
import { bandMajorRows, createWindowHasher, resolveBanding, signWindows } from '../../src/pipeline/find-candidates';
import { packArrays, unpackArray } from '../../src/pipeline/packed-arrays';
import { indexTaskHandler, scanTaskHandler, transferOfResult, type IndexTaskResult, type ScanSketchBatch, type SignedBatch } from '../../src/pipeline/scan-tasks';
import { NO_BLOCKED_GRAMS } from '../../src/pipeline/find-boilerplate';
import { sketchDocument, sketchSettingsOf } from '../../src/pipeline/sketch-document';

const TEXTS = [
  'The council approved the budget on Monday. The mayor said the vote came after months of debate over schools and roads. Opponents said the plan raised taxes too far.',
  '',
  'Short.',
  'Rain is expected across the region this weekend, forecasters said. Rivers could rise by two metres. Residents near the banks were told to prepare sandbags and to listen for warnings.',
];

function expectKind<K extends IndexTaskResult['kind']>(result: IndexTaskResult, kind: K): Extract<IndexTaskResult, { kind: K }> {
  expect(result.kind).toBe(kind);
  return result as Extract<IndexTaskResult, { kind: K }>;
}

describe('packArrays / unpackArray', () => {
  test('parts end to end, each read back as a view', () => {
    const packed = packArrays([Uint16Array.of(1, 2), Uint16Array.of(), Uint16Array.of(3)], (n) => new Uint16Array(n));
    // values [1, 2, 3], ends [2, 2, 3]
    expect([...packed.values]).toEqual([1, 2, 3]);
    expect([...packed.ends]).toEqual([2, 2, 3]);
    expect([...unpackArray(packed, 0)]).toEqual([1, 2]);
    expect([...unpackArray(packed, 1)]).toEqual([]);
    expect([...unpackArray(packed, 2)]).toEqual([3]);
    expect(unpackArray(packed, 2).buffer).toBe(packed.values.buffer);
  });

  test('no parts: empty', () => {
    const packed = packArrays([], (n) => new Float64Array(n));
    expect(packed.values.length).toBe(0);
    expect(packed.ends.length).toBe(0);
  });
});

describe('bandMajorRows', () => {
  test("band j's rows of every window, in window order, then band j + 1's", () => {
    // Two windows of six values, two bands of two rows (the last two values in no band).
    const values = Uint16Array.of(1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16);
    expect([...bandMajorRows(values, 6, { bands: 2, rows: 2 })]).toEqual([1, 2, 11, 12, 3, 4, 13, 14]);
    expect(bandMajorRows(new Uint16Array(0), 6, { bands: 2, rows: 2 })).toHaveLength(0);
  });
});

/** The scan's sketches and signatures of `texts`, from the pure functions (no boilerplate blocked). */
function referenceOf(texts: readonly string[], options: ReturnType<typeof resolveOptions>): { sketches: ReturnType<typeof sketchDocument>[]; signatures: Uint32Array[] } {
  const sketches = texts.map((t) => sketchDocument(t, sketchSettingsOf(options)));
  const hasher = createWindowHasher(options);
  return { sketches, signatures: sketches.map((s) => signWindows(s, hasher, options.shingleSize)) };
}

describe('scan tasks', () => {
  const options = resolveOptions();
  const data = { options, blocked: NO_BLOCKED_GRAMS };

  test("'sketch' packs each text's sketch and k-gram set; 'sign' gives the low bits of each one's window signatures and their band rows", () => {
    const handle = scanTaskHandler(data);
    const sketched = handle({ kind: 'sketch', texts: TEXTS }) as ScanSketchBatch;
    expect(sketched.kind).toBe('sketch');
    const reference = referenceOf(TEXTS, options);
    reference.sketches.forEach((s, d) => {
      expect(unpackArray(sketched.grams, d)).toEqual(s.grams);
      expect(unpackArray(sketched.sketches.hashes, d)).toEqual(s.hashes);
      expect(unpackArray(sketched.sketches.windows, d)).toEqual(s.windows);
      expect(unpackArray({ values: sketched.sketches.mask, ends: sketched.sketches.hashes.ends }, d)).toEqual(s.mask);
    });
    const signed = handle({ kind: 'sign', sketches: sketched.sketches }) as SignedBatch;
    expect(signed.kind).toBe('sign');
    expect(reference.signatures.some((s) => s.length > 0)).toBe(true);
    reference.signatures.forEach((s, d) => expect(unpackArray(signed.signatures, d)).toEqual(lowBits(s)));
    const all = Uint32Array.from(reference.signatures.flatMap((s) => [...s]));
    expect(signed.bandRows).toEqual(bandMajorRows(lowBits(all), options.numPerm, resolveBanding(options)));
  });
});

describe('index tasks', () => {
  const options = resolveOptions();
  const data = { options, blocked: NO_BLOCKED_GRAMS };
  const { bands, rows } = resolveBanding(options);

  test("'index-sketch' gives the scan's sketches and encodeText's bytes; 'index-sign-batch' the low bits of the scan's signatures and their store keys", () => {
    const sketched = expectKind(indexTaskHandler(data)({ kind: 'index-sketch', texts: TEXTS }), 'index-sketch');
    const { sketches: reference, signatures } = referenceOf(TEXTS, options);
    TEXTS.forEach((text, d) => {
      expect(Buffer.from(unpackArray(sketched.storedTexts, d))).toEqual(encodeText(text));
      expect(unpackArray(sketched.grams, d)).toEqual(reference[d]!.grams);
      expect(unpackArray(sketched.sketches.hashes, d)).toEqual(reference[d]!.hashes);
      expect(unpackArray(sketched.sketches.windows, d)).toEqual(reference[d]!.windows);
      expect(unpackArray({ values: sketched.sketches.mask, ends: sketched.sketches.hashes.ends }, d)).toEqual(reference[d]!.mask);
    });

    const signed = expectKind(indexTaskHandler(data)({ kind: 'index-sign-batch', sketches: [sketched.sketches] }), 'index-sign-batch');
    expect(signatures.some((s) => s.length > 0)).toBe(true);
    // Each document's distinct store keys, from the batch's sorted (key, position) entries.
    const keysOf = signatures.map((): number[] => []);
    const { entries } = signed.postings;
    for (let e = 0; e < entries.length / 3; e++) keysOf[docAt(entries, e)]!.push(keyAt(entries, e));
    signatures.forEach((s, d) => {
      expect(unpackArray(signed.signatures, d)).toEqual(lowBits(s));
      expect(Float64Array.from(new Set(keysOf[d]!)).sort()).toEqual(computeStoreBandKeys(s, options.numPerm, bands, rows));
    });
  });

  test('transferOfResult: every buffer of a packed batch once; none of an align batch', () => {
    const handle = indexTaskHandler(data);
    const sketched = handle({ kind: 'index-sketch', texts: TEXTS });
    const moved = transferOfResult(sketched);
    // hashes (values, ends), mask, windows (values, ends), grams (values, ends), texts (values, ends)
    expect(moved).toHaveLength(9);
    expect(new Set(moved).size).toBe(9);
    const signed = handle({ kind: 'index-sign-batch', sketches: [expectKind(sketched, 'index-sketch').sketches] });
    // signatures (values, ends), the posting entries, the distinct counts
    expect(transferOfResult(signed)).toHaveLength(4);
    expect(new Set(transferOfResult(signed)).size).toBe(4);
    const scan = scanTaskHandler(data);
    const scanSketched = scan({ kind: 'sketch', texts: TEXTS }) as ScanSketchBatch;
    // hashes (values, ends), mask, windows (values, ends), grams (values, ends)
    expect(new Set(transferOfResult(scanSketched)).size).toBe(7);
    // signatures (values, ends), band rows
    expect(new Set(transferOfResult(scan({ kind: 'sign', sketches: scanSketched.sketches }))).size).toBe(3);
    expect(transferOfResult(scan({ kind: 'align', articles: [], pairs: [] }))).toEqual([]);
  });
});
