import { normalizeText } from '../../src/text';

describe('normalizeText', () => {
  test('folds case, unifies quotes and dashes', () => {
    // “Hello” — World’s → "hello" - world's
    expect(normalizeText('\u201CHello\u201D \u2014 World\u2019s').text).toBe('"hello" - world\'s');
  });

  test('NFKC: ligatures and full-width letters', () => {
    // ﬁ (U+FB01) → "fi"; Ａ (U+FF21) → "a"
    const n = normalizeText('\uFB01ne \uFF21');
    expect(n.text).toBe('fine a');
    // both "f" and "i" point back to the ligature at offset 0; "n" to offset 1
    expect(Array.from(n.map)).toEqual([0, 0, 1, 2, 3, 4, 5]);
  });

  test('combining marks stay with their base letter', () => {
    // "e" + U+0301 composes to "é" (one unit) mapped to offset 0; the map ends at 2
    const n = normalizeText('e\u0301t');
    expect(n.text).toBe('\u00E9t');
    expect(Array.from(n.map)).toEqual([0, 2, 3]);
  });

  test('map ends at the original length', () => {
    const s = 'İstanbul'; // İ lower-cases to two code units (i + U+0307)
    const n = normalizeText(s);
    expect(n.map[n.text.length]).toBe(s.length);
    expect(n.text.startsWith('i')).toBe(true);
  });
});
