/** 53-bit band keys of the index: distinct, sorted, safe integers; equal bands give equal keys, the band number tells keys apart. */
import { computeStoreBandKeys, storeKey } from '../../src/store';

describe('computeStoreBandKeys', () => {
  const numPerm = 12;
  const bands = 4;
  const rows = 3;

  test('two identical windows give one set of keys, one per band', () => {
    const w = Uint32Array.from({ length: numPerm }, (_, i) => i * 7919 + 1);
    const keys = computeStoreBandKeys(Uint32Array.from([...w, ...w]), numPerm, bands, rows);
    expect(keys.length).toBe(bands);
    expect(Array.from(keys)).toEqual(Array.from(computeStoreBandKeys(w, numPerm, bands, rows)));
  });

  test('the same values in two bands are two keys (the band is part of the key)', () => {
    const w = new Uint32Array(numPerm).fill(42);
    expect(computeStoreBandKeys(w, numPerm, bands, rows).length).toBe(bands);
  });

  test('windows sharing one band share exactly one key; keys are sorted safe integers', () => {
    const a = Uint32Array.from({ length: numPerm }, (_, i) => i + 1);
    const b = Uint32Array.from({ length: numPerm }, (_, i) => (i < rows ? i + 1 : 1000 + i));
    const ka = new Set(computeStoreBandKeys(a, numPerm, bands, rows));
    const both = computeStoreBandKeys(Uint32Array.from([...a, ...b]), numPerm, bands, rows);
    expect(both.length).toBe(2 * bands - 1);
    expect([...computeStoreBandKeys(b, numPerm, bands, rows)].filter((k) => ka.has(k))).toHaveLength(1);
    for (let i = 0; i < both.length; i++) {
      expect(Number.isSafeInteger(both[i])).toBe(true);
      if (i > 0) expect(both[i]!).toBeGreaterThan(both[i - 1]!);
    }
  });

  test('storeKey keeps key2 whole in the low 32 bits and 21 bits above', () => {
    expect(storeKey(0, 0, 0xffffffff) % 0x100000000).toBe(0xffffffff);
    expect(storeKey(5, 123, 456)).toBeLessThan(2 ** 53);
    expect(storeKey(1, 123, 456)).not.toBe(storeKey(2, 123, 456));
  });
});
