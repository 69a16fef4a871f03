import fc from 'fast-check';
import levenshtein from 'fast-levenshtein';
import { editDistance, editDistanceWithin } from '../../src/align/edit-distance';

/** A copy of `base` with about `rate` of its units deleted, replaced or followed by an insertion. */
function edit(base: string, rate: number, random: () => number): string {
  let out = '';
  for (const ch of base) {
    const u = random();
    if (u < rate / 3) continue;
    out += u < (2 * rate) / 3 ? 'xyz'[Math.floor(random() * 3)]! : ch;
    if (random() < rate / 3) out += 'q';
  }
  return out;
}

describe('editDistance', () => {
  it('gives textbook distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('same text', 'same text')).toBe(0);
    // Code units: an astral character is two of them.
    expect(editDistance('a\uD83D\uDE00b', 'ab')).toBe(2);
  });

  it('equals the bit-parallel distance on long, lightly edited texts (the diagonal method)', () => {
    const base = Array.from({ length: 300 }, (_, i) => `w${(i * 7919) % 97}`).join(' ');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rate, seed) => {
        let s = seed;
        const random = (): number => {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          return s / 2 ** 32;
        };
        const a = edit(base, rate, random);
        const b = edit(base, rate, random);
        expect(editDistance(a, b)).toBe(levenshtein.get(a, b));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('equals the bit-parallel distance on short and unrelated strings (both paths)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', 'c', '\u00E9', '\uD83D\uDE00'), { maxLength: 80 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(editDistance(a, b)).toBe(levenshtein.get(a, b));
        expect(editDistance(b, a)).toBe(editDistance(a, b));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('finds every distance by the diagonal method alone, and says -1 just below it', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', 'c', '\uD83D\uDE00'), { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = levenshtein.get(a, b);
        expect(editDistanceWithin(a, b, a.length + b.length)).toBe(d);
        expect(editDistanceWithin(a, b, d)).toBe(d);
        if (d > 0) expect(editDistanceWithin(a, b, d - 1)).toBe(-1);
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
