import { trimToSentences } from '../../src/align';
import { tokenizeText } from '../../src/text';

describe('trimToSentences', () => {
  test('cuts a short overhang past a sentence end present in both documents', () => {
    const a = tokenizeText('alpha beta gamma delta. The end');
    const b = tokenizeText('alpha beta gamma delta. The other');
    // chain covers tokens 0..5 ("alpha … delta The") in both
    const r = trimToSentences({ aStart: 0, aEnd: 5, bStart: 0, bEnd: 5 }, a.normalized.text, a.tokens, b.normalized.text, b.tokens, 3);
    expect(r).toEqual({ aStart: 0, aEnd: 4, bStart: 0, bEnd: 4 });
  });

  test('keeps the overhang when only one document has the boundary', () => {
    const a = tokenizeText('alpha beta gamma delta. The end');
    const b = tokenizeText('alpha beta gamma delta the other');
    const range = { aStart: 0, aEnd: 5, bStart: 0, bEnd: 5 };
    expect(trimToSentences(range, a.normalized.text, a.tokens, b.normalized.text, b.tokens, 3)).toEqual(range);
  });

  test('trims a short lead-in before a sentence start', () => {
    const a = tokenizeText('he said. Lavrov was also said to');
    const b = tokenizeText('she said. Lavrov was also said to');
    // chain starts at "said" (token 1) in both
    const r = trimToSentences({ aStart: 1, aEnd: 7, bStart: 1, bEnd: 7 }, a.normalized.text, a.tokens, b.normalized.text, b.tokens, 3);
    expect(r).toEqual({ aStart: 2, aEnd: 7, bStart: 2, bEnd: 7 });
  });
});
