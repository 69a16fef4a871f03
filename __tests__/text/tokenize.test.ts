import { tokenizeText } from '../../src/text';
import { tokenizeTextTransient } from '../../src/text/tokenize';

describe('tokenizeText', () => {
  test('words with original offsets; inner apostrophes join', () => {
    const text = 'Russia\u2019s “Aggression”—now';
    const t = tokenizeText(text);
    const words = Array.from({ length: t.tokens.count }, (_, i) => text.slice(t.tokens.start[i], t.tokens.end[i]));
    expect(words).toEqual(['Russia\u2019s', 'Aggression', 'now']);
  });

  test('Chinese and Japanese, written without spaces: each ideograph or kana is a token; other words end before one', () => {
    const text = '拉夫罗夫与布林肯通电话。iPhone新機種を発表、ニュース';
    const t = tokenizeText(text);
    const words = Array.from({ length: t.tokens.count }, (_, i) => text.slice(t.tokens.start[i], t.tokens.end[i]));
    expect(words).toEqual(['拉', '夫', '罗', '夫', '与', '布', '林', '肯', '通', '电', '话', 'iPhone', '新', '機', '種', 'を', '発', '表', 'ニ', 'ュ', 'ー', 'ス']);
    // The same character hashes the same wherever it is.
    expect(t.tokens.hash[1]).toBe(t.tokens.hash[3]);
  });

  test('Thai, Lao, Burmese and Khmer, written without spaces: words found by ICU, with their own offsets', () => {
    const text = 'กระทรวงการต่างประเทศรัสเซียกล่าวว่า Lavrov';
    const t = tokenizeText(text);
    const words = Array.from({ length: t.tokens.count }, (_, i) => text.slice(t.tokens.start[i], t.tokens.end[i]));
    expect(words.length).toBeGreaterThan(3);
    expect(words.join('')).toBe(text.replace(/ /g, ''));
    expect(words).toContain('กล่าว');
    expect(words[words.length - 1]).toBe('Lavrov');
  });

  test('a Thai run far longer than a phrase is segmented in pieces: every token inside it, in order, none empty', () => {
    const phrase = 'กระทรวงการต่างประเทศรัสเซียกล่าวว่า';
    const run = phrase.repeat(Math.ceil(20_000 / phrase.length));
    const t = tokenizeText(`${run} end`);
    const words = Array.from({ length: t.tokens.count }, (_, i) => run.concat(' end').slice(t.tokens.start[i], t.tokens.end[i]));
    expect(words[words.length - 1]).toBe('end');
    expect(words.slice(0, -1).join('')).toBe(run);
    for (let i = 1; i < t.tokens.count; i++) expect(t.tokens.start[i]).toBeGreaterThanOrEqual(t.tokens.end[i - 1]!);
    expect(words.filter((w) => w === 'ประเทศ').length).toBeGreaterThan(500);
  });

  test('soft hyphens and direction marks are not there: one word, the same word, its span the original one', () => {
    const text = 'Die Regierungs\u00ADerklärung \u200Fneu';
    const t = tokenizeText(text);
    const words = Array.from({ length: t.tokens.count }, (_, i) => text.slice(t.tokens.start[i], t.tokens.end[i]));
    expect(words).toEqual(['Die', 'Regierungs\u00ADerklärung', 'neu']);
    expect(t.tokens.hash[1]).toBe(tokenizeText('Regierungserklärung').tokens.hash[0]);
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

describe('tokenizeTextTransient', () => {
  test('gives what tokenizeText gives, in views the next call reuses', () => {
    const texts = ['Russia\u2019s \u201CAggression\u201D\u2014now', 'x \uFB01 y and more words here', 'See https://example.com/a and me@site.org today'];
    for (const text of texts) {
      const fresh = tokenizeText(text);
      const transient = tokenizeTextTransient(text);
      expect(transient.normalized.text).toBe(fresh.normalized.text);
      expect(Array.from(transient.normalized.map)).toEqual(Array.from(fresh.normalized.map));
      for (const key of ['start', 'end', 'normStart', 'normEnd', 'hash'] as const) {
        expect(Array.from(transient.tokens[key])).toEqual(Array.from(fresh.tokens[key]));
      }
      expect(transient.tokens.count).toBe(fresh.tokens.count);
    }
    // A fresh result is its own: a later call of either kind does not change it.
    const kept = tokenizeText('one two three');
    tokenizeTextTransient('four five six seven');
    expect(Array.from(kept.tokens.start)).toEqual([0, 4, 8]);
  });
});
