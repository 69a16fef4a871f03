/**
 * Edit similarity of two aligned spans: 1 − Levenshtein distance / longer length,
 * over the spans' normalised words joined by single spaces (so line breaks,
 * re-paragraphing and punctuation do not count as edits).
 *
 * The distance comes from {@link editDistance} (cheap when the spans differ in
 * a few places, the `fast-levenshtein` package's bit-parallel algorithm
 * otherwise); it is quadratic in the worst case, so spans
 * longer than `maxChars` on either side fall back to the token-level Dice
 * coefficient of the alignment (2 × matched tokens / total tokens).
 */
import { editDistance } from './edit-distance';
import type { Tokens } from '../text';

/** The normalised words of tokens `[from, to)` joined by single spaces. */
export function joinWords(norm: string, tokens: Tokens, from: number, to: number): string {
  const parts: string[] = [];
  for (let t = from; t < to; t++) parts.push(norm.slice(tokens.normStart[t] ?? 0, tokens.normEnd[t] ?? 0));
  return parts.join(' ');
}

/** 1 − distance / max length; two empty strings are identical (1). */
export function editSimilarity(x: string, y: string): number {
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  return 1 - editDistance(x, y) / longer;
}
