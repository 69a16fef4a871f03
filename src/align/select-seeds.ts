/**
 * Which sentence seeds the sentence channel grows.
 *
 * - Seeds with a sentence already explained by exact anchors (mostly inside an
 *   anchored stretch, on either side) are dropped: the anchors give those
 *   stretches exact extents, a sentence range would only blur them over the
 *   copier's own inserted paragraphs, and an anchored sentence is already
 *   matched (a headline printed twice must not match the copy's headline
 *   twice).
 * - Seeds where either sentence is mostly inside quotation marks are dropped:
 *   two outlets rendering the same statement in their own words is reuse of the
 *   quoted source, not of each other.
 * - One-to-one: each sentence takes part in at most one seed, the one with the
 *   highest cosine (a headline printed twice, or a lead that shares the
 *   headline's words, does not pull a second match).
 */
import type { SentenceSeed } from './sentence-seeds';
import { countCovered } from '../text';
import type { AlignableDocument } from './alignable-document';
import type { Sentence } from '../text';

/** Share of a sentence's tokens inside explained (anchored) tokens. */
function explainedShare(s: Sentence | undefined, explained: Uint8Array): number {
  if (s === undefined || s.tokenEnd <= s.tokenStart) return 0;
  let n = 0;
  for (let t = s.tokenStart; t < s.tokenEnd; t++) n += explained[t] ?? 0;
  return n / (s.tokenEnd - s.tokenStart);
}

function quotedShare(doc: AlignableDocument, s: Sentence | undefined): number {
  if (s === undefined || s.end <= s.start) return 0;
  return countCovered(doc.quotes, s) / (s.end - s.start);
}

/** Filter and pair off seeds; result sorted by (a, b). */
export function selectSeeds(
  seeds: readonly SentenceSeed[],
  a: AlignableDocument,
  b: AlignableDocument,
  aExplained: Uint8Array,
  bExplained: Uint8Array,
): SentenceSeed[] {
  const open = seeds.filter((s) => {
    const sa = a.sentences[s.a];
    const sb = b.sentences[s.b];
    if (explainedShare(sa, aExplained) >= 0.5 || explainedShare(sb, bExplained) >= 0.5) return false;
    return quotedShare(a, sa) < 0.5 && quotedShare(b, sb) < 0.5;
  });
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: SentenceSeed[] = [];
  for (const s of [...open].sort((p, q) => q.cosine - p.cosine || p.a - q.a || p.b - q.b)) {
    if (usedA.has(s.a) || usedB.has(s.b)) continue;
    usedA.add(s.a);
    usedB.add(s.b);
    out.push(s);
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}
