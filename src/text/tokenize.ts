/**
 * Word tokens with their offsets in the original text and a 32-bit hash of
 * their normalised form. Words are maximal runs of letters, marks and digits,
 * joined across an inner apostrophe ("russia's" is one word): the matches of
 * `[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*` (flag `u`)
 * on the normalised text, found by a hand-written scan over per-code-point
 * classes, with no match object or substring per word. Words inside
 * URLs and e-mail addresses are not tokens: a URL slug repeats the headline
 * and is metadata, not text anyone wrote twice.
 *
 * Chinese and Japanese are written without spaces between words: there, each
 * Han ideograph, hiragana and katakana character (with the marks after it) is
 * a token of its own ({@link isIdeographic}), so shingles, anchors and
 * passages count characters where other scripts count words. Without this a
 * whole Chinese sentence was one "word" and a copied paragraph was never found.
 * Thai, Lao, Burmese and Khmer, also written without spaces between words but
 * with alphabets, are split into words by ICU's dictionaries (`Intl.Segmenter`).
 */
import { FNV_OFFSET, FNV_PRIME, hashString32, mix32 } from '../shingle/hash';
import { normalizeText, normalizeTextTransient, type NormalizedText } from './normalize';

/** Tokens of one text, as parallel typed arrays (no per-token objects). */
export interface Tokens {
  readonly count: number;
  /** Original start offset of each token. */
  readonly start: Int32Array;
  /** Original end offset (exclusive) of each token. */
  readonly end: Int32Array;
  /** Start of each token in the normalised text. */
  readonly normStart: Int32Array;
  /** End of each token in the normalised text. */
  readonly normEnd: Int32Array;
  /** uint32 hash of each token's normalised form. */
  readonly hash: Uint32Array;
}

/** A text with its normalisation and its tokens. */
export interface TokenizedText {
  readonly original: string;
  readonly normalized: NormalizedText;
  readonly tokens: Tokens;
}

const URL_OR_EMAIL = /(?:https?:\/\/|www\.)[^\s"'<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
const URL_ONLY = /(?:https?:\/\/|www\.)[^\s"'<>]+/gu;

/**
 * Normalised-text ranges of URLs and e-mail addresses, sorted. The e-mail
 * branch is tried at every word character, so a text without an `@` is
 * searched for URLs alone (same ranges; about a tenth of the time), and a text
 * with neither `@`, `http` nor `www.` has none.
 */
function findUrlRanges(text: string): Int32Array {
  const hasAt = text.includes('@');
  if (!hasAt && !text.includes('http') && !text.includes('www.')) return NO_RANGES;
  const out: number[] = [];
  const re = hasAt ? URL_OR_EMAIL : URL_ONLY;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return Int32Array.from(out);
}

const NO_RANGES = new Int32Array(0);

/** Classes of a code point in the word pattern: may start a word (`\p{L}`, `\p{N}`), may continue one (those and `\p{M}`). */
const STARTS = 1;
const CONTINUES = 2;
/** A token on its own: it starts one (with {@link STARTS}) but continues none, and ends the token it starts. */
const ALONE = 4;
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{M}\p{N}]$/u;
/** Letters and numbers of the Han, hiragana and katakana scripts (not their symbols: radicals, circled kana). */
const IDEOGRAPHIC = /^(?=[\p{L}\p{N}])[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/**
 * Word classes of the BMP code units, filled on first sight (bit 7: known).
 * ASCII is filled up front: letters and digits start and continue words.
 */
const bmpClasses = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  bmpClasses[c] = 0x80 | (alnum ? STARTS | CONTINUES : 0);
}

/** {@link STARTS} / {@link CONTINUES} / {@link ALONE} bits of code point `cp`. */
function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClasses[cp]!;
    if (known !== 0) return known & 0x7f;
  }
  const ch = String.fromCodePoint(cp);
  const bits = IDEOGRAPHIC.test(ch) ? STARTS | ALONE : (WORD_START.test(ch) ? STARTS : 0) | (WORD_PART.test(ch) ? CONTINUES : 0);
  if (cp < 0x10000) bmpClasses[cp] = 0x80 | bits;
  return bits;
}

/**
 * Whether the code point at `i` of `text` is a token on its own: a Han
 * ideograph, hiragana or katakana (scripts written without spaces between words).
 */
export function isIdeographicAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && (classOf(codePointAt(text, i)) & ALONE) !== 0;
}

/** Code point at `i` of `text` (a lone surrogate as itself), like the `u` flag reads it. */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return c;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}

const imul = Math.imul;

let segmenter: Intl.Segmenter | null = null;

/**
 * The longest piece of an unspaced run segmented at once. Runs between spaces
 * are phrases, far shorter; a longer one (measured: 20,000 characters in
 * 22 ms, 80,000 in 1.5 s) is cut, a word at each cut perhaps split in two.
 */
const SEGMENT_CHUNK = 4096;

/** ICU's word segmenter (made on first use: its dictionaries pick themselves by script, whatever the locale). */
function wordSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('und', { granularity: 'word' }));
}

/** Normalise `original` and split it into word tokens. */
export function tokenizeText(original: string): TokenizedText {
  return tokenize(original, false);
}

/**
 * @internal {@link tokenizeText} for a caller that keeps nothing of the result
 * but copies: the offset map and the token arrays are views of scratch
 * buffers that the next call of this function overwrites. Saves two
 * allocations the size of the text per call (sketching a dump).
 */
export function tokenizeTextTransient(original: string): TokenizedText {
  return tokenize(original, true);
}

function tokenize(original: string, transient: boolean): TokenizedText {
  const normalized = transient ? normalizeTextTransient(original) : normalizeText(original);
  const text = normalized.text;
  const map = normalized.map;
  const mapLast = map.length - 1;
  const n = text.length;
  const classes = bmpClasses;
  // hashString32 (seed 0), folded in as the scan goes; constants read into locals.
  const basis = FNV_OFFSET | 0;
  const prime = FNV_PRIME;
  let { start, end, normStart, normEnd, hash } = scratch;
  let cap = hash.length;
  let count = 0;
  /** Record the token `text[a, b)` with hash `hashed`. */
  const emit = (a: number, b: number, hashed: number): void => {
    if (count === cap) {
      cap *= 2;
      start = grow(start, cap);
      end = grow(end, cap);
      normStart = grow(normStart, cap);
      normEnd = grow(normEnd, cap);
      const grown = new Uint32Array(cap);
      grown.set(hash);
      hash = grown;
      scratch = { start, end, normStart, normEnd, hash };
    }
    normStart[count] = a;
    normEnd[count] = b;
    start[count] = map[a]!;
    // originalEnd(map, b), inlined.
    const last = map[b - 1]!;
    let k = b;
    while (k < mapLast && map[k] === last) k++;
    end[count] = map[k]!;
    hash[count] = hashed;
    count++;
  };
  const urls = findUrlRanges(text);
  let u = 0;
  // The matches of the word pattern, left to right: skip to a word start, then
  // take word characters, and again after each `'` that a word start follows.
  // The pattern never backtracks into a shorter match (a `'` is not a word
  // character), so this greedy scan finds its matches. Each word's code units
  // are folded into its FNV-1a hash on the way (`hashString32`, inlined).
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    // The first code point's classes (ASCII from the table; its bit 7 is no class).
    let first = 0;
    let bits: number;
    if (c < 0x80) {
      bits = classes[c]!;
    } else {
      first = codePointAt(text, i);
      bits = classOf(first);
    }
    if ((bits & STARTS) === 0) {
      i += first > 0xffff ? 2 : 1;
      continue;
    }
    const s = i;
    let h = basis;
    let unspaced = false;
    if ((bits & ALONE) !== 0) {
      // An ideograph or kana is a token by itself, with the marks after it.
      const cp = first;
      h = imul(h ^ c, prime);
      if (cp > 0xffff) h = imul(h ^ text.charCodeAt(i + 1), prime);
      i += cp > 0xffff ? 2 : 1;
      // (Marks, astral ones too: a Han ideograph's variation selector is U+E0100 and up.)
      while (i < n && text.charCodeAt(i) >= 0x80) {
        const m = codePointAt(text, i);
        if (classOf(m) !== CONTINUES) break;
        h = imul(h ^ text.charCodeAt(i), prime);
        if (m > 0xffff) h = imul(h ^ text.charCodeAt(i + 1), prime);
        i += m > 0xffff ? 2 : 1;
      }
    } else {
      for (;;) {
        while (i < n) {
          c = text.charCodeAt(i);
          if (c < 0x80) {
            if ((classes[c]! & CONTINUES) === 0) break;
            h = imul(h ^ c, prime);
            i++;
          } else {
            const cp = codePointAt(text, i);
            if ((classOf(cp) & CONTINUES) === 0) break;
            if (cp >= 0x0e00 && (cp <= 0x0eff || (cp >= 0x1000 && cp <= 0x109f) || (cp >= 0x1780 && cp <= 0x17ff))) unspaced = true;
            h = imul(h ^ c, prime);
            if (cp > 0xffff) h = imul(h ^ text.charCodeAt(i + 1), prime);
            i += cp > 0xffff ? 2 : 1;
          }
        }
        // A word start is a word character too: the loop above takes it.
        if (i + 1 < n && c === 0x27 && (classOf(codePointAt(text, i + 1)) & (STARTS | ALONE)) === STARTS) {
          h = imul(h ^ c, prime);
          i++;
          continue;
        }
        break;
      }
    }
    const e = i;
    while (u < urls.length && urls[u + 1]! <= s) u += 2;
    if (u < urls.length && urls[u]! <= s) continue;
    if (unspaced) {
      // Thai, Lao, Burmese, Khmer: no spaces between words; ICU's dictionaries find them,
      // in pieces of a bounded length (V8 segments one long string in time that grows faster than its length).
      for (let from = s; from < e; from += SEGMENT_CHUNK) {
        const to = Math.min(e, from + SEGMENT_CHUNK);
        for (const { index, segment, isWordLike } of wordSegmenter().segment(text.slice(from, to))) {
          if (isWordLike === true) emit(from + index, from + index + segment.length, hashString32(text, from + index, from + index + segment.length));
        }
      }
    } else {
      emit(s, e, mix32(h));
    }
  }
  if (transient) {
    return {
      original,
      normalized,
      tokens: {
        count,
        start: start.subarray(0, count),
        end: end.subarray(0, count),
        normStart: normStart.subarray(0, count),
        normEnd: normEnd.subarray(0, count),
        hash: hash.subarray(0, count),
      },
    };
  }
  // The five arrays share one exact-size buffer: one allocation per text.
  const buffer = new ArrayBuffer(20 * count);
  const tokens: Tokens = {
    count,
    start: new Int32Array(buffer, 0, count),
    end: new Int32Array(buffer, 4 * count, count),
    normStart: new Int32Array(buffer, 8 * count, count),
    normEnd: new Int32Array(buffer, 12 * count, count),
    hash: new Uint32Array(buffer, 16 * count, count),
  };
  for (let t = 0; t < count; t++) {
    tokens.start[t] = start[t]!;
    tokens.end[t] = end[t]!;
    tokens.normStart[t] = normStart[t]!;
    tokens.normEnd[t] = normEnd[t]!;
    tokens.hash[t] = hash[t]!;
  }
  return { original, normalized, tokens };
}

/**
 * Per-token scratch arrays of {@link tokenizeText}, grown on demand and reused
 * (one set per thread; the function does not re-enter).
 */
let scratch = {
  start: new Int32Array(1024),
  end: new Int32Array(1024),
  normStart: new Int32Array(1024),
  normEnd: new Int32Array(1024),
  hash: new Uint32Array(1024),
};

/**
 * The original offset just past normalised position `e - 1`: the start of the next
 * cluster. Several normalised units can share one original cluster, so skip them.
 */
export function originalEnd(map: Int32Array, e: number): number {
  const last = map[e - 1] ?? 0;
  let k = e;
  while (k < map.length - 1 && (map[k] ?? 0) === last) k++;
  return map[k] ?? 0;
}

function grow(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
