/**
 * Sentence segmentation that survives re-paragraphing.
 *
 * A single line break is white space, so the same sentences come out whether
 * an article is one 2,000-character line or one sentence per paragraph. Blank
 * lines are hard breaks (headlines, datelines). A full stop glued to the next
 * sentence ("…region.Lavrov and…") still ends a sentence when a lower-case word
 * precedes it and a capitalised word follows. Very long sentences are cut into
 * chunks so one run-on "sentence" cannot swallow a whole document.
 */
import { isIdeographicAt, type Tokens } from './tokenize';

/** A sentence as a token range plus its original span. */
export interface Sentence {
  /** Original offset of the first token. */
  readonly start: number;
  /** Original offset just past the last token. */
  readonly end: number;
  /** First token index. */
  readonly tokenStart: number;
  /** One past the last token index. */
  readonly tokenEnd: number;
}

/** Options for {@link splitSentences}. */
export interface SentenceOptions {
  /** Sentences longer than this many words are cut into chunks of this size. */
  readonly maxWords: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt',
  'inc', 'ltd', 'co', 'corp', 'vs', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mt', 'ft', 'fig', 'al', 'approx', 'dept', 'est', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n',
]);

/**
 * Whether UTF-16 unit `c` is white space as the regular-expression class `\s`
 * sees it (ASCII answered directly, other units by `\s` itself, remembered).
 */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  let known = spaceClasses.get(c);
  if (known === undefined) {
    known = /\s/.test(String.fromCharCode(c));
    spaceClasses.set(c, known);
  }
  return known;
}

const spaceClasses = new Map<number, boolean>();

/** Whether `text[from, to)` holds a white-space unit. */
function hasSpaceIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** Whether `text[from, to)` holds the unit `unit`. */
function hasUnitIn(text: string, from: number, to: number, unit: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === unit) return true;
  return false;
}

/** Whether a unit may sit between the two line breaks of a blank line (`[ \t\f\r\u00a0]`). */
function isBlankLineFill(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0d || c === 0xa0;
}

/** `。`, the full stop of Chinese and Japanese (NFKC turns the half-width `｡` into it). */
const IDEOGRAPHIC_FULL_STOP = 0x3002;

/** Whether token `t` or token `t + 1` is an ideograph or kana (see `isIdeographicAt`). */
function ideographicGap(norm: string, tokens: Tokens, t: number): boolean {
  return isIdeographicAt(norm, tokens.normStart[t] ?? -1) || isIdeographicAt(norm, tokens.normStart[t + 1] ?? -1);
}

/**
 * Decide, for each gap between token `t` and token `t + 1`, whether a sentence
 * ends there. Works on the normalised text between the two tokens: a blank line
 * (`\n[ \t\f\r\u00a0]*\n`) ends one; otherwise the first `.`, `!`, `?` or `。` of the
 * gap decides (always a sentence end next to an ideograph or kana). The gap is
 * read in place: most gaps are one space and end nothing.
 */
function endsSentence(norm: string, tokens: Tokens, t: number): boolean {
  const gapStart = tokens.normEnd[t] ?? 0;
  const gapEnd = tokens.normStart[t + 1] ?? 0;
  let punctAt = -1;
  // afterBreak: a line break was seen and only blank-line fill since.
  let afterBreak = false;
  for (let i = gapStart; i < gapEnd; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x0a) {
      // Blank line: hard break.
      if (afterBreak) return true;
      afterBreak = true;
      continue;
    }
    if (afterBreak && !isBlankLineFill(c)) afterBreak = false;
    if (punctAt < 0 && (c === 0x2e || c === 0x21 || c === 0x3f || c === IDEOGRAPHIC_FULL_STOP)) punctAt = i;
  }
  if (punctAt < 0) return false;
  // Chinese and Japanese: no spaces, capitals or abbreviations to weigh.
  if (norm.charCodeAt(punctAt) === IDEOGRAPHIC_FULL_STOP || ideographicGap(norm, tokens, t)) return true;
  const nextFirst = norm.charCodeAt(gapEnd);
  const nextIsDigit = nextFirst >= 0x30 && nextFirst <= 0x39;
  const hasSpace = hasSpaceIn(norm, punctAt, gapEnd);
  const word = norm.slice(tokens.normStart[t] ?? 0, gapStart);
  if (norm.charCodeAt(punctAt) === 0x2e) {
    if (ABBREVIATIONS.has(word)) return false;
    // A single letter followed by a full stop is an initial ("J. Smith", "U.S.").
    if (word.length === 1 && /\p{L}/u.test(word)) return false;
    // Decimal numbers and dotted dates: "3.5", "12.02.2022".
    if (!hasSpace && nextIsDigit) return false;
  }
  if (hasSpace) return true;
  // Glued: "region.Lavrov" / 'Europe."It' — accept when the previous word has two or
  // more letters and the next token starts with an upper-case letter in the original.
  return word.length >= 2 && /\p{L}/u.test(word);
}

/** Split a tokenised text into sentences. `original` is needed to see capitals. */
export function splitSentences(
  original: string,
  norm: string,
  tokens: Tokens,
  options: SentenceOptions,
): Sentence[] {
  const out: Sentence[] = [];
  const n = tokens.count;
  let first = 0;
  const push = (from: number, to: number): void => {
    for (let a = from; a < to; a += options.maxWords) {
      const b = Math.min(to, a + options.maxWords);
      out.push({ start: tokens.start[a] ?? 0, end: tokens.end[b - 1] ?? 0, tokenStart: a, tokenEnd: b });
    }
  };
  for (let t = 0; t < n - 1; t++) {
    if (!endsSentence(norm, tokens, t)) continue;
    const gapHasSpace = hasSpaceIn(norm, tokens.normEnd[t] ?? 0, tokens.normStart[t + 1] ?? 0);
    if (!gapHasSpace && !ideographicGap(norm, tokens, t) && !hasUnitIn(norm, tokens.normEnd[t] ?? 0, tokens.normStart[t + 1] ?? 0, IDEOGRAPHIC_FULL_STOP)) {
      // Glued boundary: require a capital in the original next token.
      const c = original.charAt(tokens.start[t + 1] ?? 0);
      if (c === c.toLowerCase()) continue;
    }
    push(first, t + 1);
    first = t + 1;
  }
  if (first < n) push(first, n);
  return out;
}
