/**
 * The alignment engine: two prepared documents in, reused passages out, each
 * as exact original spans on both sides with its edit similarity. One engine
 * serves `scan`, `align` and `check`.
 *
 * Pipeline: word-anchor exact matches → one-to-one selection → chaining across
 * small gaps → trimming stray words past a sentence end → length filter → edit
 * similarity.
 */
import type { Span } from '../model';
import type { TokenizedText } from '../text';
import { chainMatches } from './chain-matches';
import { editSimilarity, joinWords } from './edit-similarity';
import { findExactMatches } from './exact-matches';
import { selectMatches } from './select-matches';
import { trimToSentences } from './trim-to-sentences';

/** Settings of the alignment engine (resolved; see `options.ts` for defaults). */
export interface AlignSettings {
  /** Words per exact anchor. */
  readonly anchorSize: number;
  /** Largest gap, in words on either side, bridged inside one passage. */
  readonly maxGap: number;
  /** Fewest exactly matching words a reported passage must have. */
  readonly minPassageWords: number;
  /** Anchors recurring more often than this inside one document seed nothing. */
  readonly maxOccurrences: number;
  /** Spans longer than this (characters) get a token-level similarity instead of Levenshtein. */
  readonly maxEditChars: number;
}

/** A reused passage between document `a` and document `b`. */
export interface AlignedPassage {
  readonly a: Span;
  readonly b: Span;
  /** Token ranges `[start, end)` on both sides. */
  readonly aTokens: Span;
  readonly bTokens: Span;
  /** Tokens covered by exact matches. */
  readonly matched: number;
  /** Edit similarity of the two spans, in [0, 1]. */
  readonly similarity: number;
}

/** Align two tokenised documents. Passages are sorted by their start in `b`. */
export function alignDocuments(a: TokenizedText, b: TokenizedText, settings: AlignSettings): AlignedPassage[] {
  const ta = a.tokens;
  const tb = b.tokens;
  const matches = findExactMatches(ta.hash, tb.hash, {
    anchorSize: settings.anchorSize,
    maxOccurrences: settings.maxOccurrences,
  });
  const selected = selectMatches(matches, ta.count, tb.count, settings.anchorSize);
  const chains = chainMatches(selected, settings.maxGap);
  const out: AlignedPassage[] = [];
  for (const chain of chains) {
    const r = trimToSentences(chain, a.normalized.text, ta, b.normalized.text, tb, settings.anchorSize - 1);
    const trimmed = chain.aEnd - r.aEnd + (r.aStart - chain.aStart);
    const c = { ...r, matched: chain.matched - trimmed };
    if (c.matched < settings.minPassageWords) continue;
    const aSpan = { start: ta.start[c.aStart] ?? 0, end: ta.end[c.aEnd - 1] ?? 0 };
    const bSpan = { start: tb.start[c.bStart] ?? 0, end: tb.end[c.bEnd - 1] ?? 0 };
    let similarity: number;
    if (aSpan.end - aSpan.start > settings.maxEditChars || bSpan.end - bSpan.start > settings.maxEditChars) {
      similarity = (2 * c.matched) / (c.aEnd - c.aStart + (c.bEnd - c.bStart));
    } else {
      similarity = editSimilarity(
        joinWords(a.normalized.text, ta, c.aStart, c.aEnd),
        joinWords(b.normalized.text, tb, c.bStart, c.bEnd),
      );
    }
    out.push({
      a: aSpan,
      b: bSpan,
      aTokens: { start: c.aStart, end: c.aEnd },
      bTokens: { start: c.bStart, end: c.bEnd },
      matched: c.matched,
      similarity,
    });
  }
  return out;
}
