/**
 * Trimming a chain's ends to sentence boundaries. A chain ends where its last
 * exact match ends; when that match runs a few words past a sentence end in
 * both documents ("…by force. The"), those words are a coincidence of what
 * follows, not part of the copied stretch. Likewise at the start ("said. Lavrov
 * was…"). Only overhangs shorter than an anchor are trimmed: a longer shared
 * run is real reuse.
 */
import type { Tokens } from '../text';

/** `.`, `!`, `?`, Chinese and Japanese `。` (their full-width `！`, `？` are `!`, `?` once normalised), or a blank line. */
const SENTENCE_END = /[.!?\u3002]|\n\s*\n/;

/** Does a sentence end between token `t - 1` and token `t`? */
function breakBefore(norm: string, tokens: Tokens, t: number): boolean {
  if (t <= 0 || t >= tokens.count) return false;
  return SENTENCE_END.test(norm.slice(tokens.normEnd[t - 1] ?? 0, tokens.normStart[t] ?? 0));
}

/** A chain's token ranges `[aStart, aEnd)` / `[bStart, bEnd)`; ends are exact-match ends. */
export interface ChainRange {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * Cut at most `maxOverhang` tokens off either end of a chain where a sentence
 * boundary lies at the same place in both documents.
 */
export function trimToSentences(
  range: ChainRange,
  aNorm: string,
  aTokens: Tokens,
  bNorm: string,
  bTokens: Tokens,
  maxOverhang: number,
): ChainRange {
  let { aStart, aEnd, bStart, bEnd } = range;
  for (let k = 1; k <= maxOverhang && aEnd - k > aStart; k++) {
    if (breakBefore(aNorm, aTokens, aEnd - k) && breakBefore(bNorm, bTokens, bEnd - k)) {
      aEnd -= k;
      bEnd -= k;
      break;
    }
  }
  for (let k = 1; k <= maxOverhang && aStart + k < aEnd; k++) {
    if (breakBefore(aNorm, aTokens, aStart + k) && breakBefore(bNorm, bTokens, bStart + k)) {
      aStart += k;
      bStart += k;
      break;
    }
  }
  return { aStart, aEnd, bStart, bEnd };
}
