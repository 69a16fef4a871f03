import fc from 'fast-check';
import { normalizeText, tokenizeText } from '../../src/text';

// Text drawn from a mix of ASCII, typographic punctuation, accents, ligatures and astral characters.
const pieces = fc.constantFrom(
  'a', 'B', ' ', '\n', '.', '"', '\u201C', '\u201D', '\u2019', '\u2014', 'e\u0301', '\u00C9', '\uFB01', '\u0130',
  '\u00DF', '\uFF21', '\uD83D\uDE00', 'z', '1', ',', "'", '\u00A0', 'Ω', 'ǅ',
);
const text = fc.array(pieces, { maxLength: 60 }).map((xs) => xs.join(''));

describe('normalisation properties', () => {
  test('the offset map is monotone, starts in range and ends at the original length', () => {
    fc.assert(
      fc.property(text, (s) => {
        const { text: norm, map } = normalizeText(s);
        expect(map.length).toBe(norm.length + 1);
        expect(map[norm.length]).toBe(s.length);
        for (let i = 0; i < norm.length; i++) {
          expect(map[i]).toBeGreaterThanOrEqual(0);
          expect(map[i]).toBeLessThan(s.length);
          expect(map[i + 1]).toBeGreaterThanOrEqual(map[i] ?? 0);
        }
      }),
    );
  });

  test('normalisation is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = normalizeText(s).text;
        expect(normalizeText(once).text).toBe(once);
      }),
    );
  });

  test('every token slices back to original text that normalises to the token', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = tokenizeText(s);
        for (let i = 0; i < t.tokens.count; i++) {
          const start = t.tokens.start[i] ?? 0;
          const end = t.tokens.end[i] ?? 0;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(s.length);
          expect(start).toBeLessThan(end);
          const norm = t.normalized.text.slice(t.tokens.normStart[i], t.tokens.normEnd[i]);
          expect(normalizeText(s.slice(start, end)).text).toContain(norm);
        }
      }),
    );
  });
});
