import { derivePermutationKeys } from '../../src/minhash/permutation-keys';

describe('derivePermutationKeys', () => {
  it('matches the reference keys of seed 1', () => {
    // Python port: a_i = mix32(mix32(1 ^ 0x5851f42d) + (i+1)·0x9e3779b9 mod 2^32).
    expect(Array.from(derivePermutationKeys({ numPerm: 4, seed: 1 }))).toEqual([
      0xc252ace3, 0x573e90b8, 0x24703bfe, 0xf93c710e,
    ]);
  });

  it('gives distinct keys for 1024 permutations, and unrelated streams for neighbouring seeds', () => {
    const keys0 = derivePermutationKeys({ numPerm: 1024, seed: 0 });
    expect(new Set(keys0).size).toBe(1024);
    const keys1 = derivePermutationKeys({ numPerm: 1024, seed: 1 });
    const shared = keys1.filter((k) => new Set(keys0).has(k)).length;
    // Two random 1024-subsets of 2^32 share 1024²/2^32 ≈ 0.0002 keys on average.
    expect(shared).toBe(0);
  });

  it('is a prefix-stable stream: more permutations extend, never change, the first ones', () => {
    const short = derivePermutationKeys({ numPerm: 16, seed: 5 });
    const long = derivePermutationKeys({ numPerm: 128, seed: 5 });
    expect(Array.from(long.subarray(0, 16))).toEqual(Array.from(short));
  });
});
