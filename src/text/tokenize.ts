/**
 * Word tokens with their offsets in the original text and a 32-bit hash of
 * their normalised form. Words are maximal runs of letters, marks and digits,
 * joined across an inner apostrophe ("russia's" is one word). Words inside
 * URLs and e-mail addresses are not tokens: a URL slug repeats the headline
 * and is metadata, not text anyone wrote twice.
 */
import { hashString32 } from '../shingle/hash';
import { normalizeText, type NormalizedText } from './normalize';

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

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)[^\s"'<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
const URL_ONLY = /(?:https?:\/\/|www\.)[^\s"'<>]+/gu;

/**
 * Normalised-text ranges of URLs and e-mail addresses, sorted. The e-mail
 * branch is tried at every word character, so a text without an `@` is
 * searched for URLs alone (same ranges; about a tenth of the time).
 */
function findUrlRanges(text: string): Int32Array {
  const out: number[] = [];
  const re = text.includes('@') ? URL_OR_EMAIL : URL_ONLY;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return Int32Array.from(out);
}

/** Normalise `original` and split it into word tokens. */
export function tokenizeText(original: string): TokenizedText {
  const normalized = normalizeText(original);
  const text = normalized.text;
  const map = normalized.map;
  let cap = Math.max(16, text.length >>> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let normStart = new Int32Array(cap);
  let normEnd = new Int32Array(cap);
  let hash = new Uint32Array(cap);
  let count = 0;
  const urls = findUrlRanges(text);
  let u = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    while (u < urls.length && (urls[u + 1] ?? 0) <= m.index) u += 2;
    if (u < urls.length && (urls[u] ?? 0) <= m.index) continue;
    if (count === cap) {
      cap *= 2;
      start = grow(start, cap);
      end = grow(end, cap);
      normStart = grow(normStart, cap);
      normEnd = grow(normEnd, cap);
      const h = new Uint32Array(cap);
      h.set(hash);
      hash = h;
    }
    const s = m.index;
    const e = s + m[0].length;
    normStart[count] = s;
    normEnd[count] = e;
    start[count] = map[s] ?? 0;
    end[count] = originalEnd(map, e);
    hash[count] = hashString32(text, s, e);
    count++;
  }
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
