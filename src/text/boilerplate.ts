/**
 * Boilerplate: text that recurs because of the page or the outlet, not
 * because anyone copied it. Boilerplate tokens neither seed nor extend a
 * match, and do not fingerprint passage windows.
 *
 * - Within a document: a line (at least 3 words) printed `minRepeats` times or
 *   more is page furniture (a footer block repeated down the page, a share bar).
 *   A headline printed twice (og:title and h1) stays text.
 * - Across a collection (see `pipeline/`): word k-grams found in many articles of
 *   one outlet (sign-up blurbs, bylines, navigation) or in a large share of all
 *   articles (stock phrases) are blocked; {@link markBlockedGrams} turns them
 *   into a token mask, and {@link markShortRuns} the second kind, whose runs
 *   as long as a passage are shared text, not boilerplate.
 */
import { combine32 } from '../shingle/hash';
import type { Tokens } from './tokenize';

/**
 * A collection's blocked k-grams by the rule that blocked them, each sorted,
 * no k-gram in both: what the pipeline's boilerplate counter finds and an
 * index keeps. `always` is marked by {@link markBlockedGrams}, `everywhere`
 * by {@link markShortRuns}.
 */
export interface BlockedGrams {
  /**
   * Boilerplate wherever it is: an outlet's furniture (in at least half of
   * its articles), and k-grams in a large share of all articles when most of
   * those articles' outlets are unknown (a site's footer in a folder of bare
   * texts is not told from a story many outlets carry).
   */
  readonly always: Uint32Array;
  /** In a large share of all articles, most of them of known outlets, and no outlet's furniture: boilerplate in runs shorter than a passage window. */
  readonly everywhere: Uint32Array;
  /** The number of articles each of {@link everywhere} is in. */
  readonly everywhereCounts: Uint32Array;
  /**
   * Not blocked, but near the bar: in at least half as many articles as
   * {@link everywhere} needs, most of them of known outlets. They extend a
   * run of {@link everywhere} k-grams (see {@link markShortRuns}) and are
   * never marked themselves.
   */
  readonly near: Uint32Array;
  /** The number of articles each of {@link near} is in. */
  readonly nearCounts: Uint32Array;
}

/**
 * Mark the tokens of lines that occur at least `minRepeats` times in the text.
 * Lines are compared by their words: a line's key folds its tokens' hashes
 * (and its length) with `combine32`, so no string is built per line; two
 * different lines share a key with probability about 2^−32.
 */
export function markRepeatedLines(norm: string, tokens: Tokens, minRepeats: number): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  if (tokens.count === 0) return mask;
  // Group tokens into lines by the newlines between them.
  const lines: { from: number; to: number; key: number }[] = [];
  let from = 0;
  for (let t = 1; t <= tokens.count; t++) {
    const breaks = t === tokens.count || hasNewline(norm, tokens.normEnd[t - 1] ?? 0, tokens.normStart[t] ?? 0);
    if (!breaks) continue;
    if (t - from >= 3) {
      let key = combine32(LINE_KEY_START, t - from);
      for (let k = from; k < t; k++) key = combine32(key, tokens.hash[k] ?? 0);
      lines.push({ from, to: t, key });
    }
    from = t;
  }
  if (lines.length < minRepeats) return mask;
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(l.key, (counts.get(l.key) ?? 0) + 1);
  for (const l of lines) if ((counts.get(l.key) ?? 0) >= minRepeats) mask.fill(1, l.from, l.to);
  return mask;
}

const LINE_KEY_START = 0x1f83d9ab;

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * Mark every token inside a k-gram (by start position) whose hash is blocked.
 * A bitmap of the blocked hashes' low 16 bits (made once per set, 8 KB) is
 * asked first; only the few grams it lets through are looked up in the set.
 * The set must not change while it is in use (it is read-only here).
 */
export function markBlockedGrams(grams: Uint32Array, k: number, blocked: ReadonlySet<number>, mask: Uint8Array): void {
  if (blocked.size === 0) return;
  const bits = lowBitsFilter(blocked);
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i]!;
    if (mayBeIn(bits, g) && blocked.has(g)) mask.fill(1, i, Math.min(mask.length, i + k));
  }
}

/**
 * Blocked k-grams at the ends of a run whose article counts are not within
 * this ratio of the run's median count are runs of their own: a footer many
 * more articles print, right after a story fewer carry.
 */
const RUN_COUNT_RATIO = 0.8;

/**
 * Words between two k-grams of a run that neither covers: an edit of up to
 * three words (a changed word, a name spelled out) does not end a run.
 */
const RUN_GAP_WORDS = 3;

/** No near k-grams. */
const NO_GRAMS: ReadonlyMap<number, number> = new Map();

/**
 * Mark the tokens of blocked k-grams (by start position) in runs shorter than
 * `longRun` tokens: for k-grams blocked because they recur across the
 * collection (`blocked` gives the number of articles each is in). A stock
 * phrase or a template line is a short run; a run as long as a passage is a
 * text that many articles share (a wire story on dozens of outlets, a
 * statement quoted whole), which is what reprint reports, so it is left
 * unmarked.
 *
 * A run is a stretch of blocked or `near` k-grams whose tokens overlap or
 * are at most {@link RUN_GAP_WORDS} words apart (`near`: k-grams in at least
 * half as many articles as the blocked ones must be, with their counts).
 * Only blocked k-grams are marked, but the near ones keep a run whole where
 * a story is carried by about as many articles as the bar: parts of it
 * other articles also print reach the bar and are blocked, the parts between
 * them fall just short, and the blocked pieces alone were shorter than a
 * passage, so masked (measured: 19 verbatim copies of a story among 119
 * articles were reported over 59% of their text, in 4 passages). The
 * gap is an outlet's own edit: a word it changed in a wire story takes the
 * k-grams holding it out of the story's, and its copy's runs ended at each
 * edit (measured: 40 copies among 440 articles, each changing about one
 * word in 30, were reported with a median 49% of their text, and with one
 * word in 15, a quarter of their pairs not at all). Its level is the median
 * of their article counts; k-grams at either end whose counts are off that
 * level ({@link RUN_COUNT_RATIO}) are split off as runs of their own
 * (a footer more articles print, after a story). Inside a run, counts off the
 * level do not split it: a stock phrase inside a wire story is in more
 * articles than the story, an edited sentence in fewer, and splitting there
 * cut the story into pieces shorter than a passage, masked (measured: 150
 * verbatim copies of a synthetic story among 2,150 articles were reported
 * with a quarter of their text masked).
 */
export function markShortRuns(
  grams: Uint32Array,
  k: number,
  blocked: ReadonlyMap<number, number>,
  mask: Uint8Array,
  longRun: number,
  near: ReadonlyMap<number, number> = NO_GRAMS,
): void {
  if (blocked.size === 0) return;
  const bits = lowBitsFilter(blocked);
  const nearBits = near.size > 0 ? lowBitsFilter(near) : null;
  const starts: number[] = [];
  const counts: number[] = [];
  /** Whether each k-gram of the open run is blocked (else near). */
  const isBlocked: boolean[] = [];
  /** Mask the blocked k-grams of `[from, to)` of the open run when the run is short. */
  const markRun = (from: number, to: number): void => {
    if (from >= to) return;
    const first = starts[from]!;
    const end = Math.min(mask.length, starts[to - 1]! + k);
    if (end - first >= longRun) return;
    for (let j = from; j < to; j++) if (isBlocked[j]!) mask.fill(1, starts[j]!, Math.min(mask.length, starts[j]! + k));
  };
  const close = (): void => {
    const n = starts.length;
    if (n === 0) return;
    const level = medianOf(counts);
    // The median's own k-gram is at the level: both ends stop at it at the latest.
    let from = 0;
    while (!sameLevel(counts[from]!, level)) from++;
    let to = n;
    while (!sameLevel(counts[to - 1]!, level)) to--;
    markRun(0, from);
    markRun(from, to);
    markRun(to, n);
    starts.length = 0;
    counts.length = 0;
    isBlocked.length = 0;
  };
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i]!;
    let count = mayBeIn(bits, g) ? blocked.get(g) : undefined;
    const blockedHere = count !== undefined;
    if (!blockedHere && nearBits !== null && mayBeIn(nearBits, g)) count = near.get(g);
    if (count === undefined) continue;
    if (starts.length > 0 && i > starts[starts.length - 1]! + k + RUN_GAP_WORDS) close();
    starts.push(i);
    counts.push(count);
    isBlocked.push(blockedHere);
  }
  close();
}

/** Whether two article counts are at one level. */
function sameLevel(a: number, b: number): boolean {
  return Math.min(a, b) >= RUN_COUNT_RATIO * Math.max(a, b);
}

/** The median of `values` (the upper one of an even number). */
function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Blocked k-grams: a set, or a map keyed by them. */
type BlockedKeys = ReadonlySet<number> | ReadonlyMap<number, number>;

/** Bitmaps of the sets seen, with the size each had when its bitmap was made. */
const filters = new WeakMap<BlockedKeys, { readonly size: number; readonly bits: Uint8Array }>();

/** Bit `v & 0xFFFF` set for every value `v` of `blocked` (every key of a map). */
function lowBitsFilter(blocked: BlockedKeys): Uint8Array {
  const known = filters.get(blocked);
  if (known !== undefined && known.size === blocked.size) return known.bits;
  const bits = new Uint8Array(0x10000 >>> 3);
  for (const v of blocked.keys()) bits[(v & 0xffff) >>> 3]! |= 1 << (v & 7);
  filters.set(blocked, { size: blocked.size, bits });
  return bits;
}

/** Whether `g` may be among the keys of the set whose {@link lowBitsFilter} is `bits` (false: it is not). */
function mayBeIn(bits: Uint8Array, g: number): boolean {
  return (bits[(g & 0xffff) >>> 3]! & (1 << (g & 7))) !== 0;
}

/** Number of tokens in `[from, to)` marked 1 in `mask`. */
export function countMarked(mask: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t++) n += mask[t] ?? 0;
  return n;
}
