/**
 * The hand-written scanners of `normalize.ts`, `tokenize.ts` and `sentences.ts` against the
 * rules written as plain regular-expression code (the definitions the scanners
 * must reproduce, unit for unit): every token, offset, hash and map entry equal.
 */
import fc from 'fast-check';
import { hashString32 } from '../../src/shingle/hash';
import { normalizeText, originalEnd, splitSentences, tokenizeText, type Tokens } from '../../src/text';

const DOUBLE_QUOTES = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u301D\u301E\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\uFF07`\u00B4]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE = /[\u00AD\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** The normalisation rule: each cluster (a code point and its combining marks) on its own, ASCII letters lower-cased. */
function referenceNormalize(original: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const c = original.charCodeAt(i);
    const next = original.charCodeAt(i + 1);
    if (c < 0x80 && c !== 0x22 && c !== 0x60 && !(next >= 0x300)) {
      text += String.fromCharCode(c).toLowerCase();
      map.push(i);
      i++;
      continue;
    }
    // A high surrogate takes the next unit with it, whatever that is.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < original.length ? 2 : 1);
    while (j < original.length && /\p{M}/u.test(String.fromCodePoint(original.codePointAt(j)!))) {
      j += String.fromCodePoint(original.codePointAt(j)!).length;
    }
    const norm = original
      .slice(i, j)
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFKC')
      .replace(DOUBLE_QUOTES, '"')
      .replace(SINGLE_QUOTES, "'")
      .replace(DASHES, '-')
      .replace(INVISIBLE, '');
    text += norm;
    for (let k = 0; k < norm.length; k++) map.push(i);
    i = j;
  }
  map.push(original.length);
  return { text, map };
}

/** Han ideographs, hiragana and katakana that are letters or numbers: each a token of its own, with the marks after it. */
const IDEO = '(?=[\\p{L}\\p{N}])[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const NOT_IDEO = `(?!${IDEO})`;
const WORD = new RegExp(
  `${IDEO}\\p{M}*|${NOT_IDEO}[\\p{L}\\p{N}](?:${NOT_IDEO}[\\p{L}\\p{M}\\p{N}])*(?:'${NOT_IDEO}[\\p{L}\\p{N}](?:${NOT_IDEO}[\\p{L}\\p{M}\\p{N}])*)*`,
  'gu',
);
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)[^\s"'<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
/** Scripts written without spaces between words, with alphabets: Thai, Lao, Myanmar, Khmer. */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;

/** The tokenising rule: WORD matches of the normalised text outside URL and e-mail matches. */
function referenceTokens(original: string) {
  const { text, map } = normalizeText(original);
  const urls = [...text.matchAll(URL_OR_EMAIL)].map((m) => [m.index, m.index + m[0].length] as const);
  const out: { start: number; end: number; normStart: number; normEnd: number; hash: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const s = m.index;
    const e = s + m[0].length;
    if (urls.some(([a, b]) => a <= s && s < b)) continue;
    if (UNSPACED.test(m[0])) {
      // Thai, Lao, Burmese, Khmer: the word-like segments ICU finds in the match.
      for (const seg of new Intl.Segmenter('und', { granularity: 'word' }).segment(m[0])) {
        const a = s + seg.index;
        const b = a + seg.segment.length;
        if (seg.isWordLike === true) out.push({ start: map[a]!, end: originalEnd(map, b), normStart: a, normEnd: b, hash: hashString32(text, a, b) });
      }
      continue;
    }
    out.push({ start: map[s]!, end: originalEnd(map, e), normStart: s, normEnd: e, hash: hashString32(text, s, e) });
  }
  return out;
}

function tokensOf(original: string) {
  const { tokens } = tokenizeText(original);
  return Array.from({ length: tokens.count }, (_, t) => ({
    start: tokens.start[t]!,
    end: tokens.end[t]!,
    normStart: tokens.normStart[t]!,
    normEnd: tokens.normEnd[t]!,
    hash: tokens.hash[t]!,
  }));
}

// Pieces that meet every branch: ASCII runs, quotes and the backtick, combining marks
// after ASCII and after other letters, ligatures and other expanding characters, astral
// letters and symbols, lone surrogates, apostrophes between and after words, URLs, e-mail.
const piece = fc.constantFrom(
  'a', 'Bc', 'Z', '7', ' ', '\n', '.', ',', "'", "''", '"', '`', '\u00B4', '\u2019', '\u201C', '\u201D', '\u2014', '-',
  'e\u0301', '\u0301', 'a\u0300', '\u0300', 'o\u0308\u0323', '\u00C9', '\u00DF', '\u0130', '\u1E9E', '\u03A3', '\uFB01', '\u2162', '\u01C5',
  '\uFF21', '\u00BD', '\u0663', '\u65E5', '\u0E01\u0E34', '\uD835\uDC00', '\uD83D\uDE00', '\uD801\uDC00', '\uD800', '\uDC00',
  // Chinese and Japanese: ideographs, kana, a mark on kana, the iteration mark, a radical (a symbol), an astral ideograph, 。
  '\u4FC4\u7F57\u65AF', '\u3072\u3089\u304C\u306A', '\u30AB\u30BF\u30AB\u30CA', '\u304B\u3099', '\u845B\uDB40\uDD00', '\u0E23\u0E31\u0E10\u0E21\u0E19\u0E15\u0E23\u0E35\u0E27\u0E48\u0E32\u0E01\u0E32\u0E23', '\u1780\u17D2\u179A\u179F\u17BD\u1784', 'ab\u0E44\u0E17\u0E22', '\u3005', '\u2F08', '\uD840\uDC0B', '\u3002', '\u300C', '\u30FC',
  '\u00A0', 'Regierungs\u00ADerkl\u00E4rung', '\u200F', '\u2067x\u2069', '\uFEFF', '\u00AD\u0301', '\u200C', 'http://x.org/a-b', 'www.y.com', 'me@site.org', '@', 'https', 'rock\u2019n\u2019roll', "don't", "o'",
);
const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

describe('normalizeText against its rule', () => {
  it('gives the same text and map on awkward inputs', () => {
    fc.assert(
      fc.property(text, (s) => {
        const { text: norm, map } = normalizeText(s);
        const expected = referenceNormalize(s);
        expect(norm).toBe(expected.text);
        expect(Array.from(map)).toEqual(expected.map);
      }),
      { numRuns: 2000, seed: 4 },
    );
  });
});

describe('tokenizeText against its rule', () => {
  it('gives the same tokens, offsets and hashes on awkward inputs', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(tokensOf(s)).toEqual(referenceTokens(s));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('gives the same tokens on a long news-like text (scratch buffers grow)', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `Word${i} \u201Cquoted\u201D it\u2019s ${i % 7 === 0 ? 'caf\u00E9\n' : ''}`).join(' ');
    expect(tokensOf(long)).toEqual(referenceTokens(long));
    expect(tokensOf('short text')).toEqual(referenceTokens('short text'));
  });
});

const ABBREVIATIONS = new Set(['mr', 'u.s', 'e.g', 'no', 'st']);

/** The sentence-end rule on the gap between tokens t and t + 1, with regular expressions and slices. */
function referenceEndsSentence(norm: string, tokens: Tokens, t: number): boolean {
  const gapStart = tokens.normEnd[t]!;
  const gapEnd = tokens.normStart[t + 1]!;
  const gap = norm.slice(gapStart, gapEnd);
  if (/\n[ \t\f\r\u00a0]*\n/.test(gap)) return true;
  const punct = /[.!?\u3002]/.exec(gap);
  if (punct === null) return false;
  if (punct[0] === '\u3002' || ideographicGap(norm, tokens, t)) return true;
  const nextFirst = norm.charCodeAt(gapEnd);
  const nextIsDigit = nextFirst >= 0x30 && nextFirst <= 0x39;
  const hasSpace = /\s/.test(gap.slice(punct.index));
  const word = norm.slice(tokens.normStart[t], gapStart);
  if (punct[0] === '.') {
    if (ABBREVIATIONS.has(word)) return false;
    if (word.length === 1 && /\p{L}/u.test(word)) return false;
    if (!hasSpace && nextIsDigit) return false;
  }
  if (hasSpace) return true;
  return word.length >= 2 && /\p{L}/u.test(word);
}

/** Whether token t or t + 1 is an ideograph or kana. */
function ideographicGap(norm: string, tokens: Tokens, t: number): boolean {
  const ideo = new RegExp(`^${IDEO}`, 'u');
  return ideo.test(norm.slice(tokens.normStart[t])) || ideo.test(norm.slice(tokens.normStart[t + 1]));
}

/** Sentence starts (token indexes) by the rule, chunking aside. */
function referenceSentenceStarts(original: string): number[] {
  const { normalized, tokens } = tokenizeText(original);
  const norm = normalized.text;
  const starts = tokens.count > 0 ? [0] : [];
  for (let t = 0; t + 1 < tokens.count; t++) {
    if (!referenceEndsSentence(norm, tokens, t)) continue;
    const gap = norm.slice(tokens.normEnd[t], tokens.normStart[t + 1]);
    if (!/\s/.test(gap) && !gap.includes('\u3002') && !ideographicGap(norm, tokens, t)) {
      const c = original.charAt(tokens.start[t + 1]!);
      if (c === c.toLowerCase()) continue;
    }
    starts.push(t + 1);
  }
  return starts;
}

const sentencePiece = fc.constantFrom(
  'Ab', 'cd', 'x', ' ', '\n', '\n\n', '\n \u00a0\t\n', '\n\r\n', '\n.\n', '\r', '\f', '\v', '\u2028', '\u3000', '\u00a0',
  '\u2009', '\ufeff', '.', '!', '?', '...', '."', '. ', '3', '12.5', 'Mr.', 'U.S.', 'J. ', 'e.g.', '"', '\u201C', '\u201D',
  '\u2019', '(', ')', 'A.B', '\u00C9t\u00E9', 'No.', 'st.', '\u4E2D\u6587', '\u65E5', '\u3002', '\uFF01', '\uFF0E', '\u3072\u3089',
);
const sentenceText = fc.array(sentencePiece, { maxLength: 40 }).map((xs) => xs.join(''));

describe('splitSentences against its rule', () => {
  it('ends sentences at the same gaps on awkward inputs', () => {
    fc.assert(
      fc.property(sentenceText, (s) => {
        const { normalized, tokens } = tokenizeText(s);
        const starts = splitSentences(s, normalized.text, tokens, { maxWords: 1000 }).map((x) => x.tokenStart);
        expect(starts).toEqual(referenceSentenceStarts(s));
      }),
      { numRuns: 3000, seed: 6 },
    );
  });
});
