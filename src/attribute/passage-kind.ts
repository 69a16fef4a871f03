/**
 * Kind of a reused passage.
 *
 * - `quote`: at least `quoteShare` of the passage lies inside quotation marks in
 *   both documents (two outlets reporting the same words);
 * - `verbatim`: edit similarity ≥ 0.98 (identical words, at most a typo per 50
 *   characters; re-paragraphing and punctuation do not count);
 * - `near-verbatim`: ≥ 0.75 (light edits: words inserted, dropped or changed);
 * - `paraphrase`: below that (the words were reworked).
 */
import type { PassageKind } from '../model';

/** Similarity thresholds of the passage kinds. */
export const KIND_THRESHOLDS = Object.freeze({ verbatim: 0.98, nearVerbatim: 0.75 });

/** Classify a passage from its similarity and the quoted share of each side. */
export function classifyPassage(
  similarity: number,
  quotedSource: number,
  quotedTarget: number,
  quoteShare: number,
): PassageKind {
  if (quotedSource >= quoteShare && quotedTarget >= quoteShare) return 'quote';
  if (similarity >= KIND_THRESHOLDS.verbatim) return 'verbatim';
  if (similarity >= KIND_THRESHOLDS.nearVerbatim) return 'near-verbatim';
  return 'paraphrase';
}
