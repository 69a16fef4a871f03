import { createMinHasher } from '../../src/minhash/create-min-hasher';
import { derivePermutationKeys } from '../../src/minhash/permutation-keys';
import { assembleMinimaModule, createSimdMinima } from '../../src/minhash/simd-minima';
import { mix32 } from '../../src/shingle/hash';

/** The definition, one value at a time: min over x of mix32(x ^ keys[i]). */
function referenceMinima(shingles: Uint32Array, keys: Uint32Array): number[] {
  return Array.from(keys, (a) => {
    let m = 0xffffffff;
    for (const x of shingles) m = Math.min(m, mix32(x ^ a));
    return m;
  });
}

function pseudoRandomSet(length: number, salt: number): Uint32Array {
  return Uint32Array.from({ length }, (_, i) => mix32(Math.imul(i + 1, 0x9e3779b9) ^ salt));
}

describe('simd-minima', () => {
  it('assembles a module this engine accepts (Node ≥ 16.4 has WebAssembly SIMD)', () => {
    const wasm = (globalThis as { WebAssembly?: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    expect(wasm?.validate(assembleMinimaModule())).toBe(true);
    expect(createSimdMinima(Uint32Array.of(1, 2, 3))).not.toBeNull();
  });

  it('gives exactly the scalar definition for every group remainder and set size', () => {
    for (const k of [1, 3, 4, 15, 16, 17, 64, 128, 130]) {
      const keys = derivePermutationKeys({ numPerm: k, seed: k });
      const { fill } = createSimdMinima(keys)!;
      for (const n of [1, 2, 3, 4, 5, 31, 200]) {
        const shingles = pseudoRandomSet(n, 1000 * k + n);
        const out = new Uint32Array(k + 7).fill(7);
        fill(shingles, out, 5);
        expect(Array.from(out.subarray(5, 5 + k))).toEqual(referenceMinima(shingles, keys));
        // Nothing outside [offset, offset + k) is touched.
        expect(Array.from(out.subarray(0, 5))).toEqual([7, 7, 7, 7, 7]);
        expect(Array.from(out.subarray(5 + k))).toEqual(new Array<number>(2).fill(7));
      }
    }
  });

  it('covers extreme values: 0, 0xFFFFFFFF and values whose hashes have the top bit set', () => {
    const keys = derivePermutationKeys({ numPerm: 32, seed: 3 });
    const { fill } = createSimdMinima(keys)!;
    const shingles = Uint32Array.of(0, 0xffffffff, 0x80000000, 0x7fffffff, keys[0]!, keys[5]!);
    const out = new Uint32Array(32);
    fill(shingles, out, 0);
    expect(Array.from(out)).toEqual(referenceMinima(shingles, keys));
    // Each singleton's minimum is its own hash, top bit set or not (unsigned minimum).
    for (const x of shingles) {
      fill(Uint32Array.of(x), out, 0);
      expect(Array.from(out)).toEqual(Array.from(keys, (a) => mix32(x ^ a)));
    }
  });

  it('writes 0xFFFFFFFF for the empty set and grows its memory for large sets', () => {
    const keys = derivePermutationKeys({ numPerm: 16, seed: 1 });
    const { fill } = createSimdMinima(keys)!;
    const out = new Uint32Array(16);
    fill(new Uint32Array(0), out, 0);
    expect(Array.from(out)).toEqual(new Array<number>(16).fill(0xffffffff));
    const big = pseudoRandomSet(70_000, 9); // 280 KB: beyond the first 64 KiB page
    fill(big, out, 0);
    expect(Array.from(out)).toEqual(referenceMinima(big, keys));
    const small = pseudoRandomSet(3, 10);
    fill(small, out, 0);
    expect(Array.from(out)).toEqual(referenceMinima(small, keys));
  });

  it('signs unions of pieces as each union signed whole: every group remainder, empty pieces and windows, memory grown', () => {
    for (const k of [1, 16, 17, 128, 130]) {
      const keys = derivePermutationKeys({ numPerm: k, seed: 11 * k });
      const { unions } = createSimdMinima(keys)!;
      // Pieces of 0 to 40 shingles (some empty), windows of 1 to 6 pieces overlapping, one of none; then one piece of 70,000.
      for (const sizes of [[3, 0, 17, 40, 1, 0, 9, 22, 5], [70_000, 2]]) {
        const pieceEnds = Uint32Array.from(sizes.reduce<number[]>((ends, n) => [...ends, (ends[ends.length - 1] ?? 0) + n], []));
        const shingles = pseudoRandomSet(pieceEnds[pieceEnds.length - 1]!, k + sizes.length);
        const ranges = sizes.length > 2 ? Uint32Array.of(0, 3, 1, 2, 2, 6, 3, 9, 5, 6, 4, 4, 0, 9) : Uint32Array.of(0, 2, 1, 2, 0, 1);
        const windows = ranges.length / 2;
        const out = new Uint32Array(3 + windows * k).fill(7);
        unions(shingles, pieceEnds, ranges, out, 3);
        expect(Array.from(out.subarray(0, 3))).toEqual([7, 7, 7]);
        for (let w = 0; w < windows; w++) {
          const from = ranges[2 * w]! === 0 ? 0 : pieceEnds[ranges[2 * w]! - 1]!;
          const to = ranges[2 * w + 1]! === 0 ? 0 : pieceEnds[ranges[2 * w + 1]! - 1]!;
          const union = ranges[2 * w]! < ranges[2 * w + 1]! ? shingles.subarray(from, to) : new Uint32Array(0);
          expect(Array.from(out.subarray(3 + w * k, 3 + (w + 1) * k))).toEqual(referenceMinima(union, keys));
        }
      }
    }
  });

  it('is what createMinHasher signs with', () => {
    const hasher = createMinHasher({ numPerm: 128, seed: 7 });
    const keys = derivePermutationKeys({ numPerm: 128, seed: 7 });
    const shingles = pseudoRandomSet(57, 4);
    expect(Array.from(hasher.sign(shingles).values)).toEqual(referenceMinima(shingles, keys));
  });
});
