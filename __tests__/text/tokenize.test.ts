import { tokenizeText } from '../../src/text';

describe('tokenizeText', () => {
  test('words with original offsets; inner apostrophes join', () => {
    const text = 'Russia\u2019s “Aggression”—now';
    const t = tokenizeText(text);
    const words = Array.from({ length: t.tokens.count }, (_, i) => text.slice(t.tokens.start[i], t.tokens.end[i]));
    expect(words).toEqual(['Russia\u2019s', 'Aggression', 'now']);
  });

  test('the same word in different case and quotes hashes the same', () => {
    const t = tokenizeText('Ukraine UKRAINE ukraine');
    expect(t.tokens.hash[0]).toBe(t.tokens.hash[1]);
    expect(t.tokens.hash[1]).toBe(t.tokens.hash[2]);
  });

  test('token end after an expanding character points past it', () => {
    const text = 'x \uFB01 y'; // ligature expands to two normalised units
    const t = tokenizeText(text);
    expect(t.tokens.count).toBe(3);
    expect(text.slice(t.tokens.start[1], t.tokens.end[1])).toBe('\uFB01');
  });
});

describe('tokenizeText: URLs and e-mail addresses', () => {
  test('words inside URLs and e-mail addresses are not tokens', () => {
    const text = 'See https://example.com/lavrov-tells-blinken and write to feedback@sputniknews.com today';
    const t = tokenizeText(text);
    const words = Array.from({ length: t.tokens.count }, (_, i) => text.slice(t.tokens.start[i], t.tokens.end[i]));
    expect(words).toEqual(['See', 'and', 'write', 'to', 'today']);
  });
});
