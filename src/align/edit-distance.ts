/**
 * Levenshtein distance (unit costs, over UTF-16 code units) tuned for what
 * alignment asks: two long spans that differ in a few places.
 *
 * 1. The common prefix and suffix are cut off (they cost nothing; the
 *    distance of the rest is the distance of the whole).
 * 2. The rest goes to the furthest-reaching-diagonal method (Ukkonen 1985,
 *    "Algorithms for approximate string matching"; Landau & Vishkin 1989):
 *    with `D` the edit-distance table, `D` never decreases along a diagonal
 *    and neighbouring cells differ by at most 1, so for each number of edits
 *    `e = 0, 1, …` it keeps, per diagonal `k = j − i`, the furthest row `i`
 *    with `D(i, i + k) ≤ e`, extended by free matches; the first `e` whose
 *    diagonal `m − n` reaches row `n` is the distance. Work grows with `e²`
 *    plus the slides, not with `n · m`.
 * 3. When the distance turns out large (past `√(n·m / 256)` edits, or a
 *    character-count bound already says so) the
 *    bit-parallel algorithm of the `fast-levenshtein` package (Myers 1999,
 *    `n · m / 32` word operations) finishes the job from scratch instead.
 *
 * The result is the exact distance either way.
 */
import type Levenshtein from 'fast-levenshtein';

/** fast-levenshtein, loaded when first needed: it builds an `Intl.Collator` as it loads (10 ms of every start-up otherwise). */
let levenshtein: typeof Levenshtein | null = null;
function loadLevenshtein(): typeof Levenshtein {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  levenshtein ??= require('fast-levenshtein') as typeof Levenshtein;
  return levenshtein;
}

/**
 * The diagonal method is tried up to `√(n·m / this)` edits: its `e²` steps then
 * cost well under the bit-parallel algorithm's `n·m / 32` word operations, so
 * a failed try wastes little (measured in V8 on the span pairs of the 10k
 * synthetic benchmark and of Reuters-21578).
 */
const DIAGONAL_BUDGET_DIVISOR = 256;

/** Marks a diagonal not reached yet. */
const UNREACHED = -0x40000000;

/** The Levenshtein distance of `x` and `y` (insertions, deletions, substitutions of code units; each costs 1). */
export function editDistance(x: string, y: string): number {
  const budget = Math.floor(Math.sqrt((x.length * y.length) / DIAGONAL_BUDGET_DIVISOR));
  const found = editDistanceWithin(x, y, budget);
  return found >= 0 ? found : loadLevenshtein().get(x, y);
}

/**
 * The Levenshtein distance of `x` and `y` when it is at most `maxEdits`, else
 * −1, by the diagonal method alone (steps 1 and 2 of the module header).
 */
export function editDistanceWithin(x: string, y: string, maxEdits: number): number {
  let xEnd = x.length;
  let yEnd = y.length;
  let start = 0;
  const shorter = Math.min(xEnd, yEnd);
  while (start < shorter && x.charCodeAt(start) === y.charCodeAt(start)) start++;
  while (xEnd > start && yEnd > start && x.charCodeAt(xEnd - 1) === y.charCodeAt(yEnd - 1)) {
    xEnd--;
    yEnd--;
  }
  const n = xEnd - start;
  const m = yEnd - start;
  const trivial = n === 0 ? m : m === 0 ? n : -1;
  if (trivial >= 0) return trivial <= maxEdits ? trivial : -1;
  if (histogramBound(x, y, start, xEnd, yEnd) > maxEdits) return -1;
  return diagonalDistance(x, start, n, y, start, m, maxEdits);
}

/**
 * A lower bound on the distance of `x[from, xEnd)` and `y[from, yEnd)`: with
 * code units counted in 128 buckets (`unit & 127`), a deletion or a
 * substitution lowers at most one of x's surplus counts by one and an insertion
 * or a substitution one of y's, so neither total surplus exceeds the distance.
 * Costs one pass; spares the diagonal method texts that are far apart.
 */
function histogramBound(x: string, y: string, from: number, xEnd: number, yEnd: number): number {
  const counts = bucketCounts;
  counts.fill(0);
  for (let i = from; i < xEnd; i++) counts[x.charCodeAt(i) & 127]!++;
  for (let i = from; i < yEnd; i++) counts[y.charCodeAt(i) & 127]!--;
  let surplus = 0;
  let deficit = 0;
  for (let b = 0; b < 128; b++) {
    const c = counts[b]!;
    if (c > 0) surplus += c;
    else deficit -= c;
  }
  return Math.max(surplus, deficit);
}

const bucketCounts = new Int32Array(128);

/**
 * The distance of `x[xFrom, xFrom + n)` and `y[yFrom, yFrom + m)` when it is at
 * most `maxEdits`, else −1 (see the module header, step 2).
 */
function diagonalDistance(x: string, xFrom: number, n: number, y: string, yFrom: number, m: number, maxEdits: number): number {
  // Diagonal k (from −n to m) is stored at k + n + 1; one spare slot each side.
  const width = n + m + 3;
  let previous = new Int32Array(width).fill(UNREACHED);
  let current = new Int32Array(width).fill(UNREACHED);
  const zero = n + 1;
  const target = m - n;
  // e = 0: diagonal 0, as far as the texts agree (they differ at 0 after the prefix cut).
  previous[zero] = slide(x, xFrom, n, y, yFrom, m, 0, 0);
  if (target === 0 && previous[zero] === n) return 0;
  for (let e = 1; e <= maxEdits; e++) {
    const kLow = Math.max(-e, -n);
    const kHigh = Math.min(e, m);
    for (let k = kLow; k <= kHigh; k++) {
      const at = k + zero;
      // Substitution stays on k (row + 1); deletion comes from k + 1 (row + 1);
      // insertion from k − 1 (same row).
      let i = previous[at]! + 1;
      const fromDeletion = previous[at + 1]! + 1;
      if (fromDeletion > i) i = fromDeletion;
      const fromInsertion = previous[at - 1]!;
      if (fromInsertion > i) i = fromInsertion;
      if (i < 0) {
        current[at] = UNREACHED;
        continue;
      }
      if (i > n) i = n;
      if (i + k > m) i = m - k;
      if (i < -k) {
        current[at] = UNREACHED;
        continue;
      }
      i = slide(x, xFrom, n, y, yFrom, m, i, k);
      current[at] = i;
      if (k === target && i === n) return e;
    }
    // Diagonals just outside the band stay unreached for the next round.
    if (kLow - 1 + zero >= 0) current[kLow - 1 + zero] = UNREACHED;
    if (kHigh + 1 + zero < width) current[kHigh + 1 + zero] = UNREACHED;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return -1;
}

/** Row `i` on diagonal `k`, moved on while the two texts agree. */
function slide(x: string, xFrom: number, n: number, y: string, yFrom: number, m: number, i: number, k: number): number {
  while (i < n && i + k < m && x.charCodeAt(xFrom + i) === y.charCodeAt(yFrom + i + k)) i++;
  return i;
}
