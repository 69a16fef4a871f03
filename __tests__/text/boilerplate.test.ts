import { markBlockedGrams, markRepeatedLines, tokenizeText } from '../../src/text';

function marked(text: string, minRepeats: number): string {
  const t = tokenizeText(text);
  const mask = markRepeatedLines(t.normalized.text, t.tokens, minRepeats);
  const out: string[] = [];
  for (let i = 0; i < t.tokens.count; i++) if (mask[i] === 1) out.push(text.slice(t.tokens.start[i], t.tokens.end[i]));
  return out.join(' ');
}

describe('markRepeatedLines', () => {
  test('a line printed three times is boilerplate; twice is not', () => {
    const footer = 'Sputnik International feedback line 252 60';
    const text = `Title here now\n\n${footer}\nBody text of the article.\n${footer}\n\n${footer}\nTitle here now`;
    // footer: 6 words × 3 occurrences; the title (twice) stays text
    expect(marked(text, 3)).toBe(Array(3).fill('Sputnik International feedback line 252 60').join(' '));
  });

  test('lines under three words never count', () => {
    expect(marked('News\nNews\nNews\nNews', 3)).toBe('');
  });
});

describe('markBlockedGrams', () => {
  test('marks every token of a blocked k-gram', () => {
    const grams = Uint32Array.from([10, 20, 30, 40]); // 4 grams of size 3 over 6 tokens
    const mask = new Uint8Array(6);
    markBlockedGrams(grams, 3, new Set([20]), mask);
    expect(Array.from(mask)).toEqual([0, 1, 1, 1, 0, 0]);
  });
});
