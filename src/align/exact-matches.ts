/**
 * Maximal exact matches between two token sequences, seeded by shared word
 * k-grams ("anchors").
 *
 * Every run of `anchorSize` tokens of `b` is looked up among the k-grams of `a`;
 * each hit that cannot be extended to the left is extended to the right as far
 * as the tokens agree. The result is every maximal common run of at least
 * `anchorSize` tokens, found once. k-grams that recur more than
 * `maxOccurrences` times inside `a` seed nothing (lists, tables, boilerplate).
 * Exact anchors give exact offsets; this is the channel that wins verbatim and
 * lightly edited copies (PAN baseline, CoReMo, passim).
 */
import { computeShingles } from '../shingle';

/** A common run of tokens: `a[aStart, aStart+length)` equals `b[bStart, bStart+length)`. */
export interface ExactMatch {
  readonly aStart: number;
  readonly bStart: number;
  readonly length: number;
}

/** Options for {@link findExactMatches}. */
export interface ExactMatchOptions {
  readonly anchorSize: number;
  readonly maxOccurrences: number;
  /** Boilerplate tokens of `a` and `b` (1 = boilerplate): they neither seed nor extend a match. */
  readonly aMask?: Uint8Array;
  readonly bMask?: Uint8Array;
}

/** Find the maximal exact matches of at least `anchorSize` tokens between `a` and `b`. */
export function findExactMatches(a: Uint32Array, b: Uint32Array, options: ExactMatchOptions): ExactMatch[] {
  const k = options.anchorSize;
  const am = options.aMask;
  const bm = options.bMask;
  const free = (mask: Uint8Array | undefined, i: number): boolean => mask === undefined || mask[i] !== 1;
  if (a.length < k || b.length < k) return [];
  const aGrams = computeShingles(a, 0, a.length, k);
  const bGrams = computeShingles(b, 0, b.length, k);
  // Hash table: k-gram hash -> first position; `next` chains positions with the same hash.
  const head = new Map<number, number>();
  const next = new Int32Array(aGrams.length).fill(-1);
  const occurrences = new Map<number, number>();
  for (let i = aGrams.length - 1; i >= 0; i--) {
    const h = aGrams[i] ?? 0;
    const prev = head.get(h);
    if (prev !== undefined) next[i] = prev;
    head.set(h, i);
    occurrences.set(h, (occurrences.get(h) ?? 0) + 1);
  }
  const out: ExactMatch[] = [];
  for (let j = 0; j < bGrams.length; j++) {
    const h = bGrams[j] ?? 0;
    if ((occurrences.get(h) ?? 0) > options.maxOccurrences) continue;
    for (let i = head.get(h) ?? -1; i >= 0; i = next[i] ?? -1) {
      // Not a leftmost start: the same match is found from its real start.
      if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && free(am, i - 1) && free(bm, j - 1)) continue;
      let len = 0;
      while (
        i + len < a.length &&
        j + len < b.length &&
        a[i + len] === b[j + len] &&
        free(am, i + len) &&
        free(bm, j + len)
      ) {
        len++;
      }
      if (len >= k) out.push({ aStart: i, bStart: j, length: len });
    }
  }
  return out;
}
