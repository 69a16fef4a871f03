/**
 * Normalisation with an offset map back to the original text.
 *
 * Each grapheme-ish cluster (a code point and the combining marks after it) is
 * NFKC-normalised, lower-cased and NFKC-normalised again; typographic quotes and
 * dashes are unified to ASCII; invisible formatting (soft hyphens, direction
 * marks) is dropped. Every output code unit records the original
 * offset of the cluster it came from, so any normalised range maps back to an
 * original `[start, end)` range.
 */

/**
 * Bumped whenever the output of {@link normalizeText} or the tokens made of it
 * (`tokenizeText`) may change. Recorded in reports and indexes: an index made
 * with another version is refused. 2: Chinese and Japanese characters are tokens
 * of their own, Thai, Lao, Burmese and Khmer runs are split into words by ICU;
 * soft hyphens, direction marks and other invisible formatting are dropped.
 */
export const NORMALIZER_VERSION = 2;

/** Normalised text plus the map from its code units back to the original. */
export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /**
   * `map[i]` is the original offset of normalised code unit `i`; `map[text.length]`
   * is the original length. Monotone non-decreasing.
   */
  readonly map: Int32Array;
}

const DOUBLE_QUOTES = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u301D\u301E\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\uFF07`\u00B4]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/**
 * Invisible formatting a page may or may not carry in the same words: soft
 * hyphens (German and Dutch sites hyphenate long words with them), left-to-right
 * and right-to-left marks and the bidirectional controls (Arabic, Persian and
 * Hebrew pages), the word joiner and the zero-width no-break space. Dropped, so
 * "Regierungs\u00ADerklärung" and "Regierungserklärung" are one word. Not the
 * zero-width (non-)joiners, which spell words in Persian and Indic scripts,
 * nor the zero-width space, which marks word boundaries in Thai.
 */
const INVISIBLE = /[\u00AD\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const COMBINING = /\p{M}/u;

function normalizeCluster(cluster: string): string {
  return cluster
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(INVISIBLE, '');
}

/**
 * Normalised forms of clusters that are one UTF-16 code unit (by far the most
 * common non-ASCII clusters: typographic quotes, dashes, accented letters),
 * keyed by that unit. {@link normalizeCluster} is pure, so caching changes nothing.
 */
const singleUnitClusters = new Map<number, string>();

function normalizeSingleUnit(c: number): string {
  let norm = singleUnitClusters.get(c);
  if (norm === undefined) {
    norm = normalizeCluster(String.fromCharCode(c));
    singleUnitClusters.set(c, norm);
  }
  return norm;
}

/** Whether code point `cp` is a combining mark (`\p{M}`; none lies below U+0300). */
function isCombining(cp: number): boolean {
  return cp >= 0x300 && COMBINING.test(String.fromCodePoint(cp));
}

/**
 * Normalise `original` (NFKC, lower case, unified quotes and dashes) keeping an offset map.
 *
 * Runs of ASCII (other than `"` and the backtick, which are unified) that no
 * possible combining mark (U+0300 or above) follows are lower-cased as one
 * slice and mapped one to one; every other cluster goes through
 * `normalizeCluster` (single code units through a cache).
 */
export function normalizeText(original: string): NormalizedText {
  return normalize(original, false);
}

/**
 * @internal {@link normalizeText} whose map is a view of a scratch buffer that
 * the next call of this function overwrites (for callers that keep only copies).
 */
export function normalizeTextTransient(original: string): NormalizedText {
  return normalize(original, true);
}

/** The map buffer {@link normalizeTextTransient} reuses (one per thread). */
let scratchMap = new Int32Array(4096);

function normalize(original: string, transient: boolean): NormalizedText {
  const n = original.length;
  const parts: string[] = [];
  // Upper bound: most clusters map to one unit; grow when a cluster expands.
  if (transient && scratchMap.length < n + 16) scratchMap = new Int32Array(Math.max(n + 16, 2 * scratchMap.length));
  let map = transient ? scratchMap : new Int32Array(n + 16);
  let out = 0;
  let i = 0;
  while (i < n) {
    // A run of plain ASCII: each unit maps to itself (a unit followed by a possible
    // combining mark starts a cluster instead).
    let j = i;
    let c = original.charCodeAt(j);
    while (c < 0x80 && c !== 0x22 && c !== 0x60) {
      const next = j + 1 < n ? original.charCodeAt(j + 1) : 0;
      if (next >= 0x300) break;
      j++;
      if (j === n) break;
      c = next;
    }
    if (j > i) {
      if (out + (j - i) + 1 > map.length) map = grow(map, out + (j - i) + 16);
      for (let k = i; k < j; k++) map[out++] = k;
      parts.push(original.slice(i, j).toLowerCase());
      i = j;
      continue;
    }
    // One code point plus following combining marks.
    j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n) {
      const cp = original.codePointAt(j) ?? 0;
      if (!isCombining(cp)) break;
      j += cp > 0xffff ? 2 : 1;
    }
    const norm = j === i + 1 ? normalizeSingleUnit(c) : normalizeCluster(original.slice(i, j));
    parts.push(norm);
    if (out + norm.length + 1 > map.length) map = grow(map, out + norm.length + 16);
    for (let k = 0; k < norm.length; k++) map[out++] = i;
    i = j;
  }
  const text = parts.join('');
  if (text.length !== out) {
    // Lower-casing an ASCII run never changes its length; anything else is a bug.
    throw new Error(`normalizeText: length mismatch ${text.length} != ${out}`);
  }
  if (out + 1 > map.length) map = grow(map, out + 1);
  map[out] = n;
  if (transient) {
    scratchMap = map;
    return { text, map: map.subarray(0, out + 1) };
  }
  // The map was sized for about one unit per original unit: keep it unless a
  // grown map left much unused room.
  const finalMap = map.length - (out + 1) <= 64 ? map.subarray(0, out + 1) : map.slice(0, out + 1);
  return { text, map: finalMap };
}

function grow(map: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(map.length * 2, atLeast));
  bigger.set(map);
  return bigger;
}
