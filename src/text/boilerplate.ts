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
 *   into a token mask.
 */
import { combine32 } from '../shingle/hash';
import type { Tokens } from './tokenize';

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
    if ((bits[(g & 0xffff) >>> 3]! & (1 << (g & 7))) === 0) continue;
    if (blocked.has(g)) mask.fill(1, i, Math.min(mask.length, i + k));
  }
}

/** Bitmaps of the sets seen, with the size each had when its bitmap was made. */
const filters = new WeakMap<ReadonlySet<number>, { readonly size: number; readonly bits: Uint8Array }>();

/** Bit `v & 0xFFFF` set for every value `v` of `blocked`. */
function lowBitsFilter(blocked: ReadonlySet<number>): Uint8Array {
  const known = filters.get(blocked);
  if (known !== undefined && known.size === blocked.size) return known.bits;
  const bits = new Uint8Array(0x10000 >>> 3);
  for (const v of blocked) bits[(v & 0xffff) >>> 3]! |= 1 << (v & 7);
  filters.set(blocked, { size: blocked.size, bits });
  return bits;
}

/** Number of tokens in `[from, to)` marked 1 in `mask`. */
export function countMarked(mask: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t++) n += mask[t] ?? 0;
  return n;
}
