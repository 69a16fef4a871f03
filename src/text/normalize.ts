/**
 * Normalisation with an offset map back to the original text.
 *
 * Each grapheme-ish cluster (a code point and the combining marks after it) is
 * NFKC-normalised, lower-cased and NFKC-normalised again; typographic quotes and
 * dashes are unified to ASCII. Every output code unit records the original
 * offset of the cluster it came from, so any normalised range maps back to an
 * original `[start, end)` range.
 */

/** Bumped whenever the output of {@link normalizeText} may change. Recorded in reports and indexes. */
export const NORMALIZER_VERSION = 1;

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
const COMBINING = /\p{M}/u;

function normalizeCluster(cluster: string): string {
  return cluster
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-');
}

/** Normalise `original` (NFKC, lower case, unified quotes and dashes) keeping an offset map. */
export function normalizeText(original: string): NormalizedText {
  const n = original.length;
  const parts: string[] = [];
  // Upper bound: most clusters map to one unit; grow when a cluster expands.
  let map = new Int32Array(n + 16);
  let out = 0;
  let i = 0;
  let asciiRunStart = -1;
  const flushAscii = (upTo: number): void => {
    if (asciiRunStart < 0) return;
    parts.push(original.slice(asciiRunStart, upTo).toLowerCase());
    asciiRunStart = -1;
  };
  const ensure = (extra: number): void => {
    if (out + extra + 1 <= map.length) return;
    const bigger = new Int32Array(Math.max(map.length * 2, out + extra + 16));
    bigger.set(map);
    map = bigger;
  };
  while (i < n) {
    const c = original.charCodeAt(i);
    const nextIsPlain = i + 1 >= n || original.charCodeAt(i + 1) < 0x300;
    if (c < 0x80 && c !== 0x22 && c !== 0x60 && nextIsPlain) {
      // ASCII not followed by a possible combining mark (quotes and backtick go
      // through the slow path to be unified).
      if (asciiRunStart < 0) asciiRunStart = i;
      ensure(1);
      map[out++] = i;
      i++;
      continue;
    }
    flushAscii(i);
    // One code point plus following combining marks.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n) {
      const cp = original.codePointAt(j) ?? 0;
      const w = cp > 0xffff ? 2 : 1;
      if (!COMBINING.test(String.fromCodePoint(cp))) break;
      j += w;
    }
    const norm = normalizeCluster(original.slice(i, j));
    parts.push(norm);
    ensure(norm.length);
    for (let k = 0; k < norm.length; k++) map[out++] = i;
    i = j;
  }
  flushAscii(n);
  const text = parts.join('');
  if (text.length !== out) {
    // Lower-casing an ASCII run never changes its length; anything else is a bug.
    throw new Error(`normalizeText: length mismatch ${text.length} != ${out}`);
  }
  const finalMap = new Int32Array(out + 1);
  finalMap.set(map.subarray(0, out));
  finalMap[out] = n;
  return { text, map: finalMap };
}
