import { createMinHasher, minOfPieces, signGathered } from '../../src/minhash/create-min-hasher';
import { viewSignature } from '../../src/minhash/signature';
import { InternalError, OptionsError, ParameterMismatchError } from '../../src/errors';
import { mix32 } from '../../src/shingle/hash';

const set = Uint32Array.from([1, 2, 3, 100, 0xdeadbeef]);

describe('createMinHasher', () => {
  it('validates numPerm and seed with OptionsError', () => {
    for (const numPerm of [0, -1, 1.5, 1025, Number.NaN]) {
      expect(() => createMinHasher({ numPerm, seed: 1 })).toThrow(OptionsError);
    }
    for (const seed of [-1, 0.5, 2 ** 32, Number.NaN]) {
      expect(() => createMinHasher({ numPerm: 8, seed })).toThrow(OptionsError);
    }
    try {
      createMinHasher({ numPerm: 0, seed: 1 });
    } catch (error) {
      expect((error as OptionsError).option).toBe('num-perm');
      expect((error as Error).message).toMatch(/from 1 to 1024/);
    }
    expect(createMinHasher({ numPerm: 1, seed: 0 }).params).toEqual({ numPerm: 1, seed: 0, scheme: 'permutations' });
    expect(createMinHasher({ numPerm: 1024, seed: 2 ** 32 - 1 }).params.numPerm).toBe(1024);
  });

  it('signs with h_i(x) = mix32(x ^ a_i): reference signature at seed 1', () => {
    // Independent Python port (keys a_i = mix32(mix32(1 ^ 0x5851f42d) + (i+1)·0x9e3779b9),
    // min over x of mix32(x ^ a_i)) for {1, 2, 3, 100, 0xdeadbeef}, numPerm 8:
    const expected = [0x48d75c2, 0x5c06b01c, 0x22639056, 0x523f627, 0x4814fe1f, 0x222fb375, 0x1662eb13, 0xeff35cd];
    const sig = createMinHasher({ numPerm: 8, seed: 1 }).sign(set);
    expect(Array.from(sig.values)).toEqual(expected);
    expect(sig.params).toEqual({ numPerm: 8, seed: 1, scheme: 'permutations' });
    // Spot-check the definition for position 0 with the key from the same port.
    const a0 = 0xc252ace3;
    expect(sig.values[0]).toBe(Math.min(...Array.from(set, (x) => mix32(x ^ a0))));
  });

  it('is deterministic for a fixed seed, and the seed matters', () => {
    const one = createMinHasher({ numPerm: 64, seed: 42 });
    const two = createMinHasher({ numPerm: 64, seed: 42 });
    expect(Array.from(one.sign(set).values)).toEqual(Array.from(two.sign(set).values));
    expect(Array.from(one.sign(set).values)).toEqual(Array.from(one.sign(set).values));
    const other = createMinHasher({ numPerm: 64, seed: 43 }).sign(set);
    expect(Array.from(other.values)).not.toEqual(Array.from(one.sign(set).values));
  });

  it('ignores order and duplicates (a set function)', () => {
    const hasher = createMinHasher({ numPerm: 32, seed: 1 });
    const shuffled = Uint32Array.from([0xdeadbeef, 3, 100, 1, 2, 2, 3, 1]);
    expect(Array.from(hasher.sign(shuffled).values)).toEqual(Array.from(hasher.sign(set).values));
  });

  it('gives 0xFFFFFFFF everywhere for the empty set', () => {
    const sig = createMinHasher({ numPerm: 16, seed: 1 }).sign(new Uint32Array(0));
    expect(Array.from(sig.values)).toEqual(new Array<number>(16).fill(0xffffffff));
  });

  it('handles every remainder of the 4-way unrolled loop', () => {
    const hasher = createMinHasher({ numPerm: 16, seed: 9 });
    const big = Uint32Array.from({ length: 11 }, (_, i) => mix32(i + 1000));
    for (let n = 1; n <= big.length; n++) {
      const part = big.subarray(0, n);
      const values = hasher.sign(part).values;
      // Position-by-position minimum computed the slow way, with the hasher's own
      // keys recovered from singleton signatures (sign({x})[i] = h_i(x)).
      const singles = Array.from(part, (x) => hasher.sign(Uint32Array.of(x)).values);
      for (let i = 0; i < 16; i++) {
        expect(values[i]).toBe(Math.min(...singles.map((s) => s[i]!)));
      }
    }
  });

  it('signInto fills block slots like sign, without touching other slots', () => {
    const hasher = createMinHasher({ numPerm: 8, seed: 1 });
    const block = hasher.createBlock(3);
    expect(block.values).toHaveLength(24);
    hasher.signInto(block, 1, set);
    expect(Array.from(viewSignature(block, 1).values)).toEqual(Array.from(hasher.sign(set).values));
    expect(Array.from(viewSignature(block, 0).values)).toEqual(new Array<number>(8).fill(0xffffffff));
    expect(Array.from(viewSignature(block, 2).values)).toEqual(new Array<number>(8).fill(0xffffffff));
    // Re-signing a slot overwrites it (no stale minima).
    hasher.signInto(block, 1, Uint32Array.of(7));
    expect(Array.from(viewSignature(block, 1).values)).toEqual(Array.from(hasher.sign(Uint32Array.of(7)).values));
    expect(viewSignature(block, 1).params).toBe(hasher.params);
  });

  it('rejects a block of other parameters and slots out of range', () => {
    const hasher = createMinHasher({ numPerm: 8, seed: 1 });
    const foreign = createMinHasher({ numPerm: 8, seed: 2 }).createBlock(1);
    expect(() => hasher.signInto(foreign, 0, set)).toThrow(ParameterMismatchError);
    const block = hasher.createBlock(2);
    expect(() => hasher.signInto(block, 2, set)).toThrow(InternalError);
    expect(() => viewSignature(block, -1)).toThrow(InternalError);
    expect(() => hasher.createBlock(-1)).toThrow(InternalError);
  });
});

describe('signUnions', () => {
  // Pieces of 2, 0, 5, 1 and 3 shingles; windows over 1 to 4 of them, one over none.
  const shingles = Uint32Array.from({ length: 11 }, (_, i) => mix32(i * 7919 + 3));
  const pieceEnds = Uint32Array.of(2, 2, 7, 8, 11);
  const ranges = Uint32Array.of(0, 2, 1, 4, 2, 3, 0, 5, 3, 3);
  const unionOf = (w: number): Uint32Array => {
    const startOf = (p: number): number => (p === 0 ? 0 : pieceEnds[p - 1]!);
    return shingles.subarray(startOf(ranges[2 * w]!), startOf(ranges[2 * w + 1]!));
  };

  it('signs each union as signing it whole (the signer, its scalar path, and gathering)', () => {
    const hasher = createMinHasher({ numPerm: 20, seed: 5 });
    const whole = Array.from({ length: 5 }, (_, w) => Array.from(hasher.sign(unionOf(w)).values));
    const block = hasher.createBlock(5);
    hasher.signUnions(block, shingles, pieceEnds, ranges);
    const fill = (s: Uint32Array, out: Uint32Array, offset: number): void => out.set(hasher.sign(s).values, offset);
    const scalar = new Uint32Array(5 * 20);
    minOfPieces(fill, 20)(shingles, pieceEnds, ranges, scalar, 0);
    const gathered = new Uint32Array(5 * 20);
    signGathered(fill, 20)(shingles, pieceEnds, ranges, gathered, 0);
    for (let w = 0; w < 5; w++) {
      expect(Array.from(viewSignature(block, w).values)).toEqual(whole[w]);
      expect(Array.from(scalar.subarray(w * 20, (w + 1) * 20))).toEqual(whole[w]);
      expect(Array.from(gathered.subarray(w * 20, (w + 1) * 20))).toEqual(whole[w]);
    }
    expect(whole[4]).toEqual(new Array<number>(20).fill(0xffffffff));
  });

  it('refuses a block of other parameters or with fewer slots than windows', () => {
    const hasher = createMinHasher({ numPerm: 20, seed: 5 });
    expect(() => hasher.signUnions(createMinHasher({ numPerm: 20, seed: 6 }).createBlock(5), shingles, pieceEnds, ranges)).toThrow(ParameterMismatchError);
    expect(() => hasher.signUnions(hasher.createBlock(4), shingles, pieceEnds, ranges)).toThrow(InternalError);
  });
});
