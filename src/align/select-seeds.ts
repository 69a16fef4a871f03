/**
 * Which sentence seeds the sentence channel grows.
 *
 * - A sentence explained by exact anchors (mostly inside an anchored
 *   stretch) may seed just where its anchors point (an anchored sentence is
 *   already matched: a headline printed twice must not match the copy's
 *   headline twice).
 * - Seeds with a sentence explained by anchors (that then point to the other
 *   sentence) are marked `anchored`: they never found a passage (the anchors
 *   give that stretch exact extents, and a sentence range would only blur
 *   them over the copier's own words), but they count as evidence for
 *   reworded neighbours in the same cluster, so a copy that is verbatim in
 *   one sentence and reworded in the next is one passage.
 * - Seeds where either sentence is mostly inside quotation marks are marked
 *   `quoted`: two outlets rendering the same statement in their own words is
 *   reuse of the quoted source, not of each other, so such seeds never found a
 *   passage; they may only join a cluster that unquoted seeds found (a copied
 *   paragraph keeps the quote it carries).
 * - One-to-one: each sentence takes part in at most one seed, the one with the
 *   highest cosine (a headline printed twice, or a lead that shares the
 *   headline's words, does not pull a second match).
 */
import { countMarked, quotedShare, type Sentence } from '../text';
import type { AlignableDocument } from './alignable-document';
import type { SentenceSeed } from './sentence-seeds';

/** Is most of the sentence inside marked (anchored) tokens? */
function mostlyMarked(s: Sentence, mask: Uint8Array): boolean {
  return s.tokenEnd > s.tokenStart && 2 * countMarked(mask, s.tokenStart, s.tokenEnd) >= s.tokenEnd - s.tokenStart;
}

/** The tokens of one side covered by anchored stretches. */
function anchoredTokens(count: number, anchors: readonly AnchoredRange[], side: 'a' | 'b'): Uint8Array {
  const mask = new Uint8Array(count);
  for (const r of anchors) {
    if (side === 'a') mask.fill(1, r.aStart, r.aEnd);
    else mask.fill(1, r.bStart, r.bEnd);
  }
  return mask;
}

/** Token ranges of an anchored stretch on both sides. */
export interface AnchoredRange {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** Does an anchored stretch covering `s` (on one side) land on `other` (on the other side)? */
function consistent(
  anchors: readonly AnchoredRange[],
  s: Sentence,
  other: Sentence,
  side: 'a' | 'b',
): boolean {
  return anchors.some((r) => {
    const [from, to, oFrom, oTo] = side === 'a' ? [r.aStart, r.aEnd, r.bStart, r.bEnd] : [r.bStart, r.bEnd, r.aStart, r.aEnd];
    return from < s.tokenEnd && s.tokenStart < to && oFrom < other.tokenEnd && other.tokenStart < oTo;
  });
}

/** Filter and pair off seeds; result sorted by (a, b). */
export function selectSeeds(
  seeds: readonly SentenceSeed[],
  a: AlignableDocument,
  b: AlignableDocument,
  anchors: readonly AnchoredRange[],
): SentenceSeed[] {
  const aAnchored = anchoredTokens(a.text.tokens.count, anchors, 'a');
  const bAnchored = anchoredTokens(b.text.tokens.count, anchors, 'b');
  // Seeds that may grow, with their sentences and whether anchors already explain one of them.
  const open = seeds.flatMap((seed) => {
    const sa = a.sentences[seed.a];
    const sb = b.sentences[seed.b];
    if (sa === undefined || sb === undefined) return [];
    const ea = mostlyMarked(sa, aAnchored);
    const eb = mostlyMarked(sb, bAnchored);
    // An anchored sentence may seed only where its anchors point.
    if ((ea && !consistent(anchors, sa, sb, 'a')) || (eb && !consistent(anchors, sb, sa, 'b'))) return [];
    return [{ seed, sa, sb, anchored: ea || eb }];
  });
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: SentenceSeed[] = [];
  for (const { seed, sa, sb, anchored } of open.sort((p, q) => q.seed.cosine - p.seed.cosine || p.seed.a - q.seed.a || p.seed.b - q.seed.b)) {
    if (usedA.has(seed.a) || usedB.has(seed.b)) continue;
    usedA.add(seed.a);
    usedB.add(seed.b);
    const quoted = quotedShare(a.quotes, sa) >= 0.5 || quotedShare(b.quotes, sb) >= 0.5;
    out.push(quoted || anchored ? { ...seed, quoted, anchored } : seed);
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}
