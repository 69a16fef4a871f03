import { splitSentences, tokenizeText } from '../../src/text';

function sentences(text: string): string[] {
  const t = tokenizeText(text);
  return splitSentences(text, t.normalized.text, t.tokens, { maxWords: 80 }).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  test('a glued full stop between sentences still splits ("region.Lavrov")', () => {
    expect(sentences('It is in the region.Lavrov and Blinken spoke.')).toEqual([
      'It is in the region',
      'Lavrov and Blinken spoke',
    ]);
  });

  test('Chinese and Japanese: 。, ！ and ？ end sentences with no space and no capital after them', () => {
    expect(sentences('拉夫罗夫与布林肯通电话。双方讨论了乌克兰局势！会谈结束了吗？是的')).toEqual(['拉夫罗夫与布林肯通电话', '双方讨论了乌克兰局势', '会谈结束了吗', '是的']);
    expect(sentences('新機種はiPhone。Appleが発表した。')).toEqual(['新機種はiPhone', 'Appleが発表した']);
  });

  test('a quote glued after a full stop splits too (Europe."It)', () => {
    expect(sentences('Security in Europe."It was emphasized," he said.')).toEqual([
      'Security in Europe',
      'It was emphasized," he said',
    ]);
  });

  test('single line breaks are white space; blank lines are hard breaks', () => {
    const a = sentences('One two three\nfour five. Six seven.');
    const b = sentences('One two three four five.\nSix seven.');
    expect(a).toEqual(['One two three\nfour five', 'Six seven']);
    expect(b.map((s) => s.replace(/\s+/g, ' '))).toEqual(a.map((s) => s.replace(/\s+/g, ' ')));
    expect(sentences('A headline\n\nBody text here.')).toEqual(['A headline', 'Body text here']);
  });

  test('abbreviations, initials and decimals do not split', () => {
    expect(sentences('Mr. Smith paid 3.5 dollars to J. Doe in the U.S. yesterday.')).toHaveLength(1);
  });

  test('over-long sentences are cut into chunks of maxWords', () => {
    const text = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const t = tokenizeText(text);
    const s = splitSentences(text, t.normalized.text, t.tokens, { maxWords: 80 });
    expect(s.map((x) => x.tokenEnd - x.tokenStart)).toEqual([80, 80, 40]);
  });
});
